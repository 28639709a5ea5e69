package dev.vigil.triage.api;

import dev.vigil.platform.api.PathParams;
import dev.vigil.platform.api.QueryParams;
import dev.vigil.platform.paging.Page;
import dev.vigil.platform.problem.ProblemException;
import dev.vigil.platform.security.CallerScope;
import dev.vigil.platform.security.Roles;
import dev.vigil.triage.silence.Silence;
import dev.vigil.triage.silence.SilenceState;
import dev.vigil.triage.store.SilenceStore;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

/**
 * Silences of the tenants the caller's token names: alerts matching one are recorded as silenced and open nothing.
 * A silence is never deleted: DELETE expires it, keeping the record. Query parameters are text: see
 * {@link QueryParams}.
 */
@Path("/v1/silences")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.OPERATOR, Roles.SUPERVISOR})
public class SilencesResource {
    private final SilenceStore silences;
    private final CallerScope caller;

    public SilencesResource(SilenceStore silences, CallerScope caller) {
        this.silences = silences;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Silence the tenant's alerts that match, from startsAt (default now) until endsAt or until"
            + " they resolve; the caller is its author")
    @APIResponseSchema(value = SilenceView.class, responseCode = "201",
            responseDescription = "The silence; Location names it")
    public Uni<Response> create(@NotNull(message = "a JSON body is required") SilenceRequest request) {
        String tenant = caller.forWrite(request.tenant());
        Instant now = now();
        Silence silence = request.toSilence(UUID.randomUUID(), tenant, caller.user(), now);
        return silences.create(silence).map(created -> Response.created(URI.create("/v1/silences/" + created.id()))
                .entity(SilenceView.of(created, now)).build());
    }

    @GET
    @Operation(summary = "The silences, newest first; state narrows them to those pending, active or expired now")
    public Uni<Page<SilenceView>> list(@QueryParam("tenant") List<String> tenants,
            @Parameter(description = "Only the silences in this state now", schema = @Schema(type = SchemaType.STRING,
                    enumeration = {"pending", "active", "expired"})) @QueryParam("state") String state,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        Instant now = now();
        return silences.list(caller.forList(tenants), parseState(state), now,
                QueryParams.page(limit, cursor, UUID::fromString)).map(page -> page.map(s -> SilenceView.of(s, now)));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One silence and where it stands now")
    public Uni<SilenceView> get(@PathParam("id") String rawId) {
        UUID id = PathParams.uuid("id", rawId);
        Instant now = now();
        return silences.find(caller.visible(), id).map(found -> found.map(s -> SilenceView.of(s, now))
                .orElseThrow(() -> ProblemException.notFound("No silence " + id)));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Expire the silence now: its end becomes now and the record stays, with who expired it")
    @APIResponse(responseCode = "204", description = "Expired now; or it had expired already, and nothing changed"
            + " (its end and who ended it stay as they were)")
    public Uni<Response> expire(@PathParam("id") String rawId) {
        UUID id = PathParams.uuid("id", rawId);
        return silences.expire(caller.visible(), id, now(), caller.user()).map(found -> {
            found.orElseThrow(() -> ProblemException.notFound("No silence " + id));
            return Response.noContent().build();
        });
    }

    private static Optional<SilenceState> parseState(String state) {
        if (state == null) {
            return Optional.empty();
        }
        return Optional.of(SilenceState.fromWire(state.strip()).orElseThrow(() -> ProblemException.invalid("state",
                "must be one of " + Arrays.stream(SilenceState.values()).map(SilenceState::wireName).toList())));
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
