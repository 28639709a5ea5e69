package dev.vigil.runbook.api;

import dev.vigil.platform.api.PathParams;
import dev.vigil.platform.api.QueryParams;
import dev.vigil.platform.paging.Page;
import dev.vigil.platform.problem.ProblemException;
import dev.vigil.platform.security.CallerScope;
import dev.vigil.platform.security.Roles;
import dev.vigil.runbook.Shift;
import dev.vigil.runbook.store.ShiftNameTakenException;
import dev.vigil.runbook.store.ShiftStore;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The MSP's shifts (for example morning 08:30-20:30 and night 20:30-08:30): supervisors define them, all staff
 * read them. They belong to the MSP, not to a customer tenant.
 */
@Path("/v1/shifts")
@Produces(MediaType.APPLICATION_JSON)
public class ShiftsResource {
    private static final String NAME_TAKEN = "Another shift has this name";

    private final ShiftStore shifts;
    private final CallerScope caller;

    public ShiftsResource(ShiftStore shifts, CallerScope caller) {
        this.shifts = shifts;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SUPERVISOR)
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ShiftRequest.class),
            examples = @ExampleObject(name = "night", value = ShiftRequest.EXAMPLE)))
    @APIResponseSchema(value = ShiftView.class, responseCode = "201",
            responseDescription = "The shift is defined; Location names it")
    @APIResponse(responseCode = "409", description = NAME_TAKEN)
    public Uni<RestResponse<ShiftView>> create(@NotNull ShiftRequest request) {
        Instant now = now();
        Shift shift = request.toShift(UUID.randomUUID(), caller.user(), now);
        return shifts.create(shift).map(created -> {
            if (!created) {
                throw ProblemException.conflict("A shift named '" + shift.name() + "' already exists");
            }
            return RestResponse.ResponseBuilder.<ShiftView>created(URI.create("/v1/shifts/" + shift.id()))
                    .entity(ShiftView.of(shift, now)).build();
        });
    }

    @GET
    @RolesAllowed({Roles.SUPERVISOR, Roles.OPERATOR})
    public Uni<Page<ShiftView>> list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        Instant now = now();
        return shifts.list(QueryParams.page(limit, cursor, UUID::fromString))
                .map(page -> page.map(shift -> ShiftView.of(shift, now)));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.SUPERVISOR, Roles.OPERATOR})
    public Uni<ShiftView> get(@PathParam("id") String rawId) {
        UUID id = PathParams.uuid("id", rawId);
        return shifts.find(id).map(found -> found.map(shift -> ShiftView.of(shift, now()))
                .orElseThrow(() -> ProblemException.notFound("No shift " + id)));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(summary = "Replace a shift", description = "The whole shift, as for POST")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ShiftRequest.class),
            examples = @ExampleObject(name = "night", value = ShiftRequest.EXAMPLE)))
    @APIResponseSchema(value = ShiftView.class, responseCode = "200", responseDescription = "The shift as saved")
    @APIResponse(responseCode = "409", description = NAME_TAKEN)
    public Uni<ShiftView> update(@PathParam("id") String rawId, @NotNull ShiftRequest request) {
        UUID id = PathParams.uuid("id", rawId);
        Instant now = now();
        return shifts.update(request.toShift(id, caller.user(), now))
                .map(found -> found.map(shift -> ShiftView.of(shift, now))
                        .orElseThrow(() -> ProblemException.notFound("No shift " + id)))
                .onFailure(ShiftNameTakenException.class).transform(e -> ProblemException.conflict(e.getMessage()));
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Roles.SUPERVISOR)
    @APIResponse(responseCode = "204", description = "The shift is gone")
    public Uni<RestResponse<Void>> delete(@PathParam("id") String rawId) {
        UUID id = PathParams.uuid("id", rawId);
        return shifts.delete(id).map(deleted -> {
            if (!deleted) {
                throw ProblemException.notFound("No shift " + id);
            }
            return RestResponse.noContent();
        });
    }

    /** PostgreSQL keeps microseconds: truncating makes the answer equal what a later read returns. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
