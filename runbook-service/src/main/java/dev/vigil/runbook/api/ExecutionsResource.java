package dev.vigil.runbook.api;

import dev.vigil.platform.api.PathParams;
import dev.vigil.platform.api.QueryParams;
import dev.vigil.platform.paging.Page;
import dev.vigil.platform.paging.PageRequest;
import dev.vigil.platform.problem.ProblemException;
import dev.vigil.platform.security.CallerScope;
import dev.vigil.platform.security.Roles;
import dev.vigil.runbook.ExecutionStatus;
import dev.vigil.runbook.Execution;
import dev.vigil.runbook.StepMove;
import dev.vigil.runbook.messaging.ExecutionChanges;
import dev.vigil.runbook.store.ExecutionQuery;
import dev.vigil.runbook.store.ExecutionStore;
import dev.vigil.runbook.store.IncidentTimesStore;
import dev.vigil.runbook.store.NewExecution;
import dev.vigil.runbook.store.RunbookStore;
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
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The runbook executions opened for the confirmed incidents of the caller's tenants: their steps walked one by one
 * with four eyes on the critical ones ({@link dev.vigil.runbook.StepWalk}), their timeline, and their abandonment.
 */
@Path("/v1/executions")
@Produces(MediaType.APPLICATION_JSON)
public class ExecutionsResource {
    private static final String NOT_OPEN = "The execution has ended already (completed or abandoned); the detail names"
            + " its state";

    private final ExecutionStore executions;
    private final ExecutionChanges changes;
    private final RunbookStore runbooks;
    private final IncidentTimesStore incidents;
    private final CallerScope caller;

    public ExecutionsResource(ExecutionStore executions, ExecutionChanges changes, RunbookStore runbooks,
            IncidentTimesStore incidents, CallerScope caller) {
        this.executions = executions;
        this.changes = changes;
        this.runbooks = runbooks;
        this.incidents = incidents;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SUPERVISOR, Roles.OPERATOR})
    @Operation(summary = "Start a runbook by hand for an incident", description = "For an incident no runbook"
            + " matched, or one that needs another procedure too: the tenant's own runbook or a shared one, at its"
            + " current version. The incident must have reached runbook (its events are read from vigil.incidents)."
            + " Announced on vigil.runbook like one a confirmation opens, so a recovering incident waits for it")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = StartExecutionRequest.class),
            examples = @ExampleObject(name = "by hand", value = StartExecutionRequest.EXAMPLE)))
    @APIResponseSchema(value = ExecutionView.class, responseCode = "201",
            responseDescription = "The execution is open; Location names it")
    @APIResponse(responseCode = "404", description = "No such runbook or incident for the tenant")
    @APIResponse(responseCode = "409", description = "The incident has an execution of that runbook already")
    public Uni<RestResponse<ExecutionView>> start(@NotNull StartExecutionRequest request) {
        UUID[] ids = request.ids();
        UUID runbookId = ids[0];
        UUID incidentId = ids[1];
        String tenant = caller.forOne(request.tenant());
        return runbooks.find(caller.visible(), runbookId)
                .map(found -> found.filter(runbook -> runbook.shared() || runbook.tenant().equals(tenant))
                        .orElseThrow(() -> ProblemException.notFound("No runbook " + runbookId + " for tenant "
                                + tenant)))
                .chain(runbook -> incidents.facts(tenant, incidentId).chain(facts -> {
                    if (facts.isEmpty()) {
                        throw ProblemException.notFound("No incident " + incidentId + " of tenant " + tenant
                                + " has reached runbook");
                    }
                    UUID id = UUID.randomUUID();
                    return changes.openByHand(new NewExecution(id, tenant, incidentId, runbook.id(),
                            runbook.version(), id, facts.get()), caller.user()).map(opened -> opened.orElseThrow(
                                    () -> ProblemException.conflict("Incident " + incidentId + " has an execution"
                                            + " of runbook '" + runbook.name() + "' already")));
                }))
                .chain(opened -> executions.steps(opened.id()).map(steps -> RestResponse.ResponseBuilder
                        .<ExecutionView>created(URI.create("/v1/executions/" + opened.id()))
                        .entity(ExecutionView.detail(opened, steps)).build()));
    }

    /**
     * Newest first. The parameters arrive as text so a malformed value is answered 400 naming the parameter,
     * not the 404 JAX-RS gives a query parameter it cannot convert.
     */
    @GET
    @RolesAllowed({Roles.SUPERVISOR, Roles.OPERATOR})
    public Uni<Page<ExecutionView>> list(@QueryParam("tenant") List<String> tenants,
            @QueryParam("incidentId") String incidentId, @QueryParam("status") String status,
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        ExecutionQuery query = new ExecutionQuery(caller.forList(tenants), QueryParams.uuid("incidentId", incidentId),
                status(status), QueryParams.page(limit, cursor, UUID::fromString));
        return executions.list(query).map(page -> page.map(ExecutionView::summary));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.SUPERVISOR, Roles.OPERATOR})
    public Uni<ExecutionView> get(@PathParam("id") String rawId) {
        UUID id = PathParams.uuid("id", rawId);
        return executions.find(caller.visible(), id)
                .map(found -> found.orElseThrow(() -> ProblemException.notFound("No execution " + id)))
                .chain(execution -> executions.steps(execution.id())
                        .map(steps -> ExecutionView.detail(execution, steps)));
    }

    @POST
    @Path("{id}/steps/{n}/{move}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SUPERVISOR, Roles.OPERATOR})
    @Operation(summary = "Start, complete, skip, fail or verify step n", description = """
            Steps are walked in order: a step is started (or skipped) only when every earlier step is done or skipped.
            `complete` and `fail` report a step in progress; `skip` and `fail` need a note saying why; a failed step
            may be started again. A decision step is completed with one of its answers, and once done (verified, if
            critical) the steps between it and the step the answer names are skipped. A critical step reported done or skipped awaits `verify` by a second person: the
            one who started or reported it is refused with a 409 saying so. When the last step is done the
            execution completes, and triage, told on vigil.runbook, stops keeping the incident recovering for it.""")
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = StepRequest.class),
            examples = @ExampleObject(name = "note", value = StepRequest.EXAMPLE)))
    @APIResponseSchema(value = ExecutionView.class, responseCode = "200",
            responseDescription = "The execution with its steps after the move")
    @APIResponse(responseCode = "404", description = "No such execution among the caller's tenants, no such step,"
            + " or no such move")
    @APIResponse(responseCode = "409", description = "The procedure does not allow the move now; the detail says"
            + " why (order, state, four eyes, or the execution has ended)")
    public Uni<ExecutionView> walk(@PathParam("id") String rawId,
            @Parameter(description = "The step's position, from 1") @PathParam("n") String n,
            @Parameter(schema = @Schema(enumeration = {"start", "complete", "skip", "fail", "verify"}))
            @PathParam("move") String move, @Valid StepRequest request) {
        UUID id = PathParams.uuid("id", rawId);
        StepMove stepMove = StepMove.fromWire(move).orElseThrow(() -> ProblemException.notFound("No step move '"
                + move + "': start, complete, skip, fail or verify"));
        int position = PathParams.positiveInt("n", n, "must be a step number, 1 or more");
        String note = StepRequest.noteOf(request, stepMove);
        return detail(id, changes.walk(caller.visible(), id, position, stepMove, caller.user(), note,
                StepRequest.answerOf(request)));
    }

    @GET
    @Path("{id}/timeline")
    @RolesAllowed({Roles.SUPERVISOR, Roles.OPERATOR})
    @Operation(summary = "The execution's timeline", description = "Who did what, when, oldest first. Entries"
            + " are never edited: a correction is an entry of its own")
    public Uni<Page<TimelineView>> timeline(@PathParam("id") String rawId, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        UUID id = PathParams.uuid("id", rawId);
        PageRequest<Integer> page = QueryParams.page(limit, cursor, Integer::valueOf);
        return executions.find(caller.visible(), id)
                .map(found -> found.orElseThrow(() -> ProblemException.notFound("No execution " + id)))
                .chain(execution -> executions.timeline(execution.id(), page))
                .map(entries -> entries.map(TimelineView::of));
    }

    @POST
    @Path("{id}/timeline")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SUPERVISOR, Roles.OPERATOR})
    @Operation(summary = "Add a note, or a correction, to the timeline", description = "Also once the execution"
            + " has ended: the record can always be set right, never rewritten")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = TimelineNoteRequest.class),
            examples = @ExampleObject(name = "correction", value = TimelineNoteRequest.EXAMPLE)))
    @APIResponseSchema(value = TimelineView.class, responseCode = "201", responseDescription = "The entry added")
    public Uni<RestResponse<TimelineView>> addNote(@PathParam("id") String rawId,
            @Valid @NotNull TimelineNoteRequest request) {
        UUID id = PathParams.uuid("id", rawId);
        return changes.note(caller.visible(), id, caller.user(), request.note().strip(), request.corrects())
                .map(added -> added.orElseThrow(() -> ProblemException.notFound("No execution " + id)))
                .map(entry -> RestResponse.status(RestResponse.Status.CREATED, TimelineView.of(entry)));
    }

    @POST
    @Path("{id}/abandon")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SUPERVISOR, Roles.OPERATOR})
    @Operation(summary = "Abandon an open execution", description = "The procedure is given up, for the reason"
            + " given: the execution ends, and triage, told on vigil.runbook, stops keeping the incident recovering"
            + " for it")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AbandonExecutionRequest.class),
            examples = @ExampleObject(name = "reason", value = AbandonExecutionRequest.EXAMPLE)))
    @APIResponseSchema(value = ExecutionView.class, responseCode = "200",
            responseDescription = "The execution, abandoned by the caller")
    @APIResponse(responseCode = "409", description = NOT_OPEN)
    public Uni<ExecutionView> abandon(@PathParam("id") String rawId, @Valid AbandonExecutionRequest request) {
        UUID id = PathParams.uuid("id", rawId);
        String reason = AbandonExecutionRequest.reasonOf(request);
        return detail(id, changes.abandon(caller.visible(), id, caller.user(), reason));
    }

    /** The changed execution with its steps; another tenant's is as unknown as one that does not exist. */
    private Uni<ExecutionView> detail(UUID id, Uni<Optional<Execution>> changed) {
        return changed.map(found -> found.orElseThrow(() -> ProblemException.notFound("No execution " + id)))
                .chain(execution -> executions.steps(execution.id())
                        .map(steps -> ExecutionView.detail(execution, steps)));
    }

    private static Optional<ExecutionStatus> status(String value) {
        if (value == null) {
            return Optional.empty();
        }
        return Optional.of(ExecutionStatus.fromWire(value).orElseThrow(() -> ProblemException.invalid("status",
                "must be one of " + Arrays.stream(ExecutionStatus.values()).map(ExecutionStatus::wireName)
                        .collect(Collectors.joining(", ")))));
    }
}
