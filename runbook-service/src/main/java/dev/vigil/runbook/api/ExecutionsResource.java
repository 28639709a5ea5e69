package dev.vigil.runbook.api;

import dev.vigil.platform.api.PathParams;
import dev.vigil.platform.api.QueryParams;
import dev.vigil.platform.paging.Page;
import dev.vigil.platform.problem.ProblemException;
import dev.vigil.platform.security.CallerScope;
import dev.vigil.platform.security.Roles;
import dev.vigil.runbook.ExecutionStatus;
import dev.vigil.runbook.store.ExecutionQuery;
import dev.vigil.runbook.store.ExecutionStore;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
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

/** The runbook executions opened for the incidents of the caller's tenants. */
@Path("/v1/executions")
@Produces(MediaType.APPLICATION_JSON)
public class ExecutionsResource {
    private final ExecutionStore executions;
    private final CallerScope caller;

    public ExecutionsResource(ExecutionStore executions, CallerScope caller) {
        this.executions = executions;
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

    private static Optional<ExecutionStatus> status(String value) {
        if (value == null) {
            return Optional.empty();
        }
        return Optional.of(ExecutionStatus.fromWire(value).orElseThrow(() -> ProblemException.invalid("status",
                "must be one of " + Arrays.stream(ExecutionStatus.values()).map(ExecutionStatus::wireName)
                        .collect(Collectors.joining(", ")))));
    }
}
