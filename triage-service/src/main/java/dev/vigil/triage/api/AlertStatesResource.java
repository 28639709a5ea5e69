package dev.vigil.triage.api;

import dev.vigil.platform.api.QueryParams;
import dev.vigil.platform.paging.Page;
import dev.vigil.platform.security.CallerScope;
import dev.vigil.platform.security.Roles;
import dev.vigil.triage.store.AlertStateStore;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** What triage knows of each alert: "what happened to this alert, and why" in one call. */
@Path("/v1/alert-states")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.OPERATOR, Roles.SUPERVISOR})
public class AlertStatesResource {
    private final AlertStateStore states;
    private final CallerScope caller;

    public AlertStatesResource(AlertStateStore states, CallerScope caller) {
        this.states = states;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "The alerts of the caller's tenants, the most recently observed first: each one's last"
            + " state, and the incident it is in or why it is held out of one")
    public Uni<Page<AlertStateView>> list(@QueryParam("tenant") List<String> tenants,
            @Parameter(description = "One alert") @QueryParam("fingerprint") String fingerprint,
            @Parameter(description = "Only alerts held for this reason") @QueryParam("reason") String reason,
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return states.page(caller.forList(tenants), Optional.empty(), TriageParams.fingerprint(fingerprint),
                        TriageParams.reason(reason), QueryParams.page(limit, cursor, String::valueOf))
                .map(page -> page.map(AlertStateView::of));
    }
}
