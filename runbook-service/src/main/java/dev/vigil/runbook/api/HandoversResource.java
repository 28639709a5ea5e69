package dev.vigil.runbook.api;

import dev.vigil.platform.api.PathParams;
import dev.vigil.platform.api.QueryParams;
import dev.vigil.platform.paging.Page;
import dev.vigil.platform.problem.ProblemException;
import dev.vigil.platform.security.CallerScope;
import dev.vigil.platform.security.Roles;
import dev.vigil.platform.security.TenantScope;
import dev.vigil.runbook.handover.HandoverDesk;
import dev.vigil.runbook.handover.HandoverItems;
import dev.vigil.runbook.store.HandoverStore;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Shift handovers: the ending shift writes one, Vigil gathers every piece of open work into it, and the incoming
 * shift acknowledges each item. Items nobody acknowledges in time are escalated to the tenant's supervisors.
 */
@Path("/v1/handovers")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SUPERVISOR, Roles.OPERATOR})
public class HandoversResource {
    private final HandoverDesk desk;
    private final HandoverStore handovers;
    private final CallerScope caller;
    private final JsonWebToken token;

    public HandoversResource(HandoverDesk desk, HandoverStore handovers, CallerScope caller, JsonWebToken token) {
        this.desk = desk;
        this.handovers = handovers;
        this.caller = caller;
        this.token = token;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Write the handover of the shift that is ending", description = "Gathers the live"
            + " incidents, the critical steps waiting for a second person, the running executions with their next"
            + " step, the silences and maintenance windows ending before the incoming shift ends, and the notes,"
            + " of every tenant the caller may see. Triage is read as the caller; if it cannot answer, nothing is"
            + " written (503), since the handover would leave work out")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = HandoverRequest.class),
            examples = @ExampleObject(name = "night", value = HandoverRequest.EXAMPLE)))
    @APIResponseSchema(value = HandoverView.class, responseCode = "201",
            responseDescription = "The handover is written; Location names it")
    @APIResponse(responseCode = "409", description = "No shift, or several, are on duty and none was named, or the"
            + " named shift does not exist")
    @APIResponse(responseCode = "503", description = "Triage could not be read; nothing was written")
    public Uni<RestResponse<HandoverView>> write(HandoverRequest request) {
        HandoverRequest given = request == null ? new HandoverRequest(null, null, null) : request;
        TenantScope scope = caller.visible();
        List<HandoverItems.Note> notes = given.notes(scope.onlyTenant().isPresent(), caller::forOne);
        return desk.write(given.ending(), given.incoming(), notes, scope, token.getRawToken(), caller.user(), now())
                .map(handover -> RestResponse.ResponseBuilder.<HandoverView>created(
                        URI.create("/v1/handovers/" + handover.id())).entity(HandoverView.of(handover)).build());
    }

    @GET
    @Operation(summary = "List handovers, newest first", description = "Each with the items of the tenants the"
            + " caller may see")
    public Uni<Page<HandoverView>> list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return handovers.list(caller.visible(), QueryParams.page(limit, cursor, UUID::fromString))
                .map(page -> page.map(HandoverView::of));
    }

    @GET
    @Path("{id}")
    public Uni<HandoverView> get(@PathParam("id") String rawId) {
        UUID id = PathParams.uuid("id", rawId);
        return handovers.find(caller.visible(), id).map(found -> found.map(HandoverView::of)
                .orElseThrow(() -> ProblemException.notFound("No handover " + id)));
    }

    @POST
    @Path("{id}/items/{item}/acknowledge")
    @Operation(summary = "Take one item over", description = "By someone of the incoming shift (or a supervisor),"
            + " never the writer. Acknowledging an item one already acknowledged changes nothing")
    @APIResponseSchema(value = HandoverView.class, responseCode = "200", responseDescription = "The handover")
    @APIResponse(responseCode = "403", description = "The caller is not on the incoming shift")
    @APIResponse(responseCode = "409", description = "The caller wrote the handover, or someone else acknowledged"
            + " the item")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AcknowledgeRequest.class),
            examples = @ExampleObject(name = "taking over", value = AcknowledgeRequest.EXAMPLE)))
    public Uni<HandoverView> acknowledge(@PathParam("id") String rawId, @PathParam("item") String rawItem,
            AcknowledgeRequest request, @Context SecurityContext security) {
        UUID id = PathParams.uuid("id", rawId);
        int number = PathParams.positiveInt("item", rawItem, "must be an item's number, from 1");
        String note = request == null ? null : request.checkedNote();
        return desk.acknowledge(caller.visible(), id, number, caller.user(), security.isUserInRole(Roles.SUPERVISOR),
                        note, now())
                .map(found -> found.map(HandoverView::of).orElseThrow(() -> ProblemException.notFound(
                        "No item " + number + " in handover " + id)));
    }

    /** PostgreSQL keeps microseconds: truncating makes the answer equal what a later read returns. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
