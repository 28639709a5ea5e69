package dev.vigil.runbook.api;

import dev.vigil.platform.api.PathParams;
import dev.vigil.platform.problem.ProblemException;
import dev.vigil.platform.security.CallerScope;
import dev.vigil.platform.security.Roles;
import dev.vigil.runbook.messaging.ExecutionChanges;
import dev.vigil.runbook.store.ExecutionStore;
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
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

/**
 * The customer's approvals of the steps that need them: a customer of the execution's tenant approves or rejects,
 * and the operators see the decision before they start the step.
 */
@Path("/v1/executions/{id}/approvals")
@Produces(MediaType.APPLICATION_JSON)
public class ApprovalsResource {
    private final ExecutionStore executions;
    private final ExecutionChanges changes;
    private final CallerScope caller;

    public ApprovalsResource(ExecutionStore executions, ExecutionChanges changes, CallerScope caller) {
        this.executions = executions;
        this.changes = changes;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.CUSTOMER, Roles.SUPERVISOR, Roles.OPERATOR})
    @Operation(summary = "The steps that need the customer's approval", description = "With their decisions;"
            + " a customer sees only their own tenant's executions")
    public Uni<ApprovalsView> list(@PathParam("id") String rawId) {
        UUID id = PathParams.uuid("id", rawId);
        return executions.find(caller.visible(), id)
                .map(found -> found.orElseThrow(() -> ProblemException.notFound("No execution " + id)))
                .chain(execution -> executions.steps(id).map(steps -> ApprovalsView.of(execution, steps)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CUSTOMER)
    @Operation(summary = "Approve or reject a step, as the customer", description = "Only a step that needs the"
            + " customer's approval, before it starts; the customer may change their mind until then. A rejected"
            + " step does not start: the operators skip it, saying why, or abandon the execution")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ApprovalRequest.class),
            examples = @ExampleObject(name = "approve", value = ApprovalRequest.EXAMPLE)))
    @APIResponseSchema(value = ApprovalsView.class, responseCode = "200",
            responseDescription = "The approvals with the decision taken")
    @APIResponse(responseCode = "409", description = "The step needs no approval, has started already, or the"
            + " execution has ended")
    public Uni<ApprovalsView> decide(@PathParam("id") String rawId, @Valid @NotNull ApprovalRequest request) {
        UUID id = PathParams.uuid("id", rawId);
        return changes.decide(caller.visible(), id, request.step(), request.approved(), caller.user(),
                        request.noteOrNull())
                .map(found -> found.orElseThrow(() -> ProblemException.notFound("No execution " + id)))
                .chain(execution -> executions.steps(id).map(steps -> ApprovalsView.of(execution, steps)));
    }
}
