package dev.vigil.triage.api;

import dev.vigil.contracts.IncidentStatus;
import dev.vigil.platform.api.OptionalBody;
import dev.vigil.platform.api.PathParams;
import dev.vigil.platform.api.QueryParams;
import dev.vigil.platform.paging.Page;
import dev.vigil.platform.problem.ProblemException;
import dev.vigil.platform.security.CallerScope;
import dev.vigil.platform.security.Roles;
import dev.vigil.triage.DismissReason;
import dev.vigil.triage.OperatorAction;
import dev.vigil.triage.store.AlertStateStore;
import dev.vigil.triage.store.IncidentStore;
import dev.vigil.triage.store.TimelineStore;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

/**
 * The operator's incidents, of the tenants the caller's token names: reading them, their timelines, and the human
 * decision (acknowledge, confirm, dismiss, assign, comment). Query parameters are text: see {@link QueryParams}.
 */
@Path("/v1/incidents")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.OPERATOR, Roles.SUPERVISOR})
public class IncidentsResource {
    private static final String ILLEGAL = "The incident's state does not allow this action; the detail names its"
            + " state and the action";
    private static final String AFTER = "The incident after the action";

    private final IncidentStore incidents;
    private final TimelineStore timeline;
    private final AlertStateStore alerts;
    private final IncidentActions actions;
    private final CallerScope caller;

    public IncidentsResource(IncidentStore incidents, TimelineStore timeline, AlertStateStore alerts,
            IncidentActions actions, CallerScope caller) {
        this.incidents = incidents;
        this.alerts = alerts;
        this.timeline = timeline;
        this.actions = actions;
        this.caller = caller;
    }

    @GET
    public Uni<Page<IncidentView>> list(@QueryParam("tenant") List<String> tenants,
            @QueryParam("status") String status, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        return incidents.list(caller.forList(tenants), parseStatus(status),
                QueryParams.page(limit, cursor, UUID::fromString)).map(page -> page.map(IncidentView::of));
    }

    @GET
    @Path("/{id}")
    public Uni<IncidentView> get(@PathParam("id") String rawId) {
        UUID id = PathParams.uuid("id", rawId);
        return incidents.find(caller.visible(), id)
                .map(found -> found.map(IncidentView::of)
                        .orElseThrow(() -> ProblemException.notFound("No incident " + id)));
    }

    @GET
    @Path("/{id}/timeline")
    @Operation(summary = "Every change of the incident and what reached the customer: who, what, when, and the note;"
            + " newest first")
    public Uni<Page<TimelineEntryView>> timeline(@PathParam("id") String rawId, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        UUID id = PathParams.uuid("id", rawId);
        return incidents.find(caller.visible(), id)
                .map(found -> found.orElseThrow(() -> ProblemException.notFound("No incident " + id)))
                .chain(incident -> timeline.page(caller.visible(), id, QueryParams.page(limit, cursor, Long::valueOf)))
                .map(page -> page.map(TimelineEntryView::of));
    }

    @GET
    @Path("/{id}/alerts")
    @Operation(summary = "The alerts in the incident, firing or resolved, and those it inhibits (reason inhibited);"
            + " the most recently observed first")
    public Uni<Page<AlertStateView>> alerts(@PathParam("id") String rawId, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        UUID id = PathParams.uuid("id", rawId);
        return incidents.find(caller.visible(), id)
                .map(found -> found.orElseThrow(() -> ProblemException.notFound("No incident " + id)))
                .chain(incident -> alerts.page(caller.visible(), Optional.of(id), Optional.empty(), Optional.empty(),
                        QueryParams.page(limit, cursor, String::valueOf)))
                .map(page -> page.map(AlertStateView::of));
    }

    @POST
    @Path("/{id}/acknowledge")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Claim an open incident: the caller becomes its assignee")
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AcknowledgeRequest.class)))
    @APIResponseSchema(value = IncidentView.class, responseCode = "200", responseDescription = AFTER)
    @APIResponse(responseCode = "409", description = ILLEGAL)
    public Uni<IncidentView> acknowledge(@PathParam("id") String rawId, String body) {
        AcknowledgeRequest request = OptionalBody.read(body, AcknowledgeRequest.class);
        return act(rawId, new OperatorAction.Acknowledge(request == null ? null
                : OptionalBody.note("note", request.note())));
    }

    @POST
    @Path("/{id}/confirm")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "A real failure: the customer is contacted and the matching runbook opens")
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ConfirmRequest.class)))
    @APIResponseSchema(value = IncidentView.class, responseCode = "200", responseDescription = AFTER)
    @APIResponse(responseCode = "409", description = ILLEGAL)
    public Uni<IncidentView> confirm(@PathParam("id") String rawId, String body) {
        ConfirmRequest request = OptionalBody.read(body, ConfirmRequest.class);
        return act(rawId, new OperatorAction.Confirm(request == null ? null
                : OptionalBody.note("customerNote", request.customerNote())));
    }

    @POST
    @Path("/{id}/dismiss")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Noise: nothing of this incident reaches the customer")
    @APIResponseSchema(value = IncidentView.class, responseCode = "200", responseDescription = AFTER)
    @APIResponse(responseCode = "409", description = ILLEGAL)
    public Uni<IncidentView> dismiss(@PathParam("id") String rawId,
            @Valid @NotNull(message = "a JSON body is required") DismissRequest request) {
        DismissReason reason = DismissReason.fromWire(request.reason().strip()).orElseThrow(() ->
                ProblemException.invalid("reason", "must be one of " + Arrays.stream(DismissReason.values())
                        .map(DismissReason::wireName).toList()));
        return act(rawId, new OperatorAction.Dismiss(reason, trimmed(request.note()),
                Boolean.TRUE.equals(request.suggestRule())));
    }

    @POST
    @Path("/{id}/assign")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Give the incident to an operator")
    @APIResponseSchema(value = IncidentView.class, responseCode = "200", responseDescription = AFTER)
    @APIResponse(responseCode = "409", description = "The incident is resolved")
    public Uni<IncidentView> assign(@PathParam("id") String rawId,
            @Valid @NotNull(message = "a JSON body is required") AssignRequest request) {
        return act(rawId, new OperatorAction.Assign(request.assignee().strip(), trimmed(request.note())));
    }

    @POST
    @Path("/{id}/comments")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a comment to the incident's timeline")
    @APIResponseSchema(value = TimelineEntryView.class, responseCode = "201",
            responseDescription = "The comment, as its timeline line")
    public Uni<Response> comment(@PathParam("id") String rawId,
            @Valid @NotNull(message = "a JSON body is required") CommentRequest request) {
        UUID id = PathParams.uuid("id", rawId);
        return actions.act(caller.visible(), id, new OperatorAction.Comment(request.text().strip()), caller.user())
                .map(result -> {
                    TimelineEntryView line = TimelineEntryView.of(result.timeline().get(0));
                    return Response.created(URI.create("/v1/incidents/" + id + "/timeline")).entity(line).build();
                });
    }

    private Uni<IncidentView> act(String rawId, OperatorAction action) {
        UUID id = PathParams.uuid("id", rawId);
        return actions.act(caller.visible(), id, action, caller.user())
                .map(result -> IncidentView.of(IncidentActions.after(result)));
    }

    private static String trimmed(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static Optional<IncidentStatus> parseStatus(String status) {
        if (status == null) {
            return Optional.empty();
        }
        return Optional.of(IncidentStatus.fromWire(status).orElseThrow(() -> ProblemException.invalid("status",
                "must be one of " + Arrays.stream(IncidentStatus.values()).map(IncidentStatus::wireName).toList())));
    }
}
