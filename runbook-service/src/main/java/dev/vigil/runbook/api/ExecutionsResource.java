package dev.vigil.runbook.api;

import dev.vigil.platform.api.PathParams;
import dev.vigil.platform.api.QueryParams;
import dev.vigil.platform.paging.Page;
import dev.vigil.platform.problem.ProblemException;
import dev.vigil.platform.security.CallerScope;
import dev.vigil.platform.security.Roles;
import dev.vigil.runbook.ExecutionStatus;
import dev.vigil.runbook.messaging.ExecutionCloser;
import dev.vigil.runbook.store.ExecutionQuery;
import dev.vigil.runbook.store.ExecutionStore;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

/**
 * The runbook executions opened for the confirmed incidents of the caller's tenants, and their ending. Steps are not
 * yet walked: for now an operator closes an execution as a whole ({@link dev.vigil.runbook.ExecutionPolicy}).
 */
@Path("/v1/executions")
@Produces(MediaType.APPLICATION_JSON)
public class ExecutionsResource {
    private static final String NOT_OPEN = "The execution has ended already (completed or abandoned); the detail names"
            + " its state";

    private final ExecutionStore executions;
    private final ExecutionCloser closer;
    private final CallerScope caller;

    public ExecutionsResource(ExecutionStore executions, ExecutionCloser closer, CallerScope caller) {
        this.executions = executions;
        this.closer = closer;
        this.caller = caller;
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
    @Path("{id}/complete")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SUPERVISOR, Roles.OPERATOR})
    @Operation(summary = "Complete an open execution", description = "The procedure is done: the execution ends,"
            + " and triage, told on vigil.runbook, stops keeping the incident recovering for it. The body is"
            + " optional")
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CompleteExecutionRequest.class),
            examples = @ExampleObject(name = "note", value = CompleteExecutionRequest.EXAMPLE)))
    @APIResponseSchema(value = ExecutionView.class, responseCode = "200",
            responseDescription = "The execution, completed by the caller")
    @APIResponse(responseCode = "409", description = NOT_OPEN)
    public Uni<ExecutionView> complete(@PathParam("id") String rawId, @Valid CompleteExecutionRequest request) {
        UUID id = PathParams.uuid("id", rawId);
        return close(id, ExecutionStatus.COMPLETED, CompleteExecutionRequest.noteOf(request));
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
        return close(id, ExecutionStatus.ABANDONED, AbandonExecutionRequest.reasonOf(request));
    }

    /** Ends the caller's execution as the caller; another tenant's is as unknown as one that does not exist. */
    private Uni<ExecutionView> close(UUID id, ExecutionStatus ending, String note) {
        return closer.close(caller.visible(), id, ending, caller.user(), note)
                .map(closed -> closed.orElseThrow(() -> ProblemException.notFound("No execution " + id)))
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
