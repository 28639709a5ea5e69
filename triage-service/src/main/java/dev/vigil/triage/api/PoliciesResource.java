package dev.vigil.triage.api;

import dev.vigil.platform.api.QueryParams;
import dev.vigil.platform.paging.Page;
import dev.vigil.platform.problem.ProblemException;
import dev.vigil.platform.security.CallerScope;
import dev.vigil.platform.security.Roles;
import dev.vigil.platform.security.TenantScope;
import dev.vigil.triage.TenantPolicy;
import dev.vigil.triage.store.PolicyStore;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

/**
 * Each tenant's decision policy: which severities are confirmed without a person, decision deadlines, the resolve
 * delay, whether recoveries are reported. Every save is a new version, kept with who saved it and when.
 */
@Path("/v1/policies/{tenant}")
@Produces(MediaType.APPLICATION_JSON)
public class PoliciesResource {
    private final PolicyStore policies;
    private final Pool pool;
    private final CallerScope caller;

    public PoliciesResource(PolicyStore policies, Pool pool, CallerScope caller) {
        this.policies = policies;
        this.pool = pool;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.SUPERVISOR, Roles.OPERATOR})
    @Operation(summary = "The tenant's current policy (version 0: the defaults); its ETag is the version")
    @APIResponseSchema(value = PolicyView.class, responseCode = "200", responseDescription = "The current policy")
    public Uni<Response> get(@PathParam("tenant") String tenant) {
        String checked = caller.forWrite(tenant);
        return current(checked).map(view -> Response.ok(view).tag(Versions.tag(view.version())).build());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(summary = "Save a new version of the tenant's policy; it applies to incidents opened from now on")
    @APIResponseSchema(value = PolicyView.class, responseCode = "200", responseDescription = "The saved version")
    @APIResponse(responseCode = "409", description = "Another change saved a version at the same moment; read and retry")
    @APIResponse(responseCode = "412", description = "If-Match names a version that is no longer the current one")
    public Uni<Response> put(@PathParam("tenant") String tenant,
            @Parameter(description = "The version the change is based on, as the ETag of GET gave it")
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull(message = "a JSON body is required") PolicyRequest request) {
        String checked = caller.forWrite(tenant);
        TenantPolicy policy = request.toPolicy();
        String user = caller.user();
        return current(checked).chain(current -> {
            if (ifMatch != null) {
                Versions.requireMatch(ifMatch, current.version(), "The policy is");
            }
            return policies.save(checked, current.version(), policy, user);
        }).map(saved -> saved.map(PolicyView::of).orElseThrow(() -> ProblemException.conflict(
                        "Another change saved the policy at the same moment; read it and retry")))
                .map(view -> Response.ok(view).tag(Versions.tag(view.version())).build());
    }

    @GET
    @Path("/versions")
    @RolesAllowed({Roles.SUPERVISOR, Roles.OPERATOR})
    @Operation(summary = "Every saved version, newest first: who changed the policy, when, and what it said before and"
            + " after")
    public Uni<Page<PolicyView>> versions(@PathParam("tenant") String tenant, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        String checked = caller.forWrite(tenant);
        return policies.versions(TenantScope.of(checked), checked, QueryParams.page(limit, cursor, Long::valueOf))
                .map(page -> page.map(PolicyView::of));
    }

    private Uni<PolicyView> current(String tenant) {
        return policies.find(pool, tenant).map(found -> found.map(PolicyView::of)
                .orElseGet(() -> PolicyView.defaults(tenant)));
    }

}
