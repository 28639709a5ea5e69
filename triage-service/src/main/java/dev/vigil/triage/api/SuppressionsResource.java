package dev.vigil.triage.api;

import dev.vigil.platform.api.QueryParams;
import dev.vigil.platform.paging.Page;
import dev.vigil.platform.security.CallerScope;
import dev.vigil.platform.security.Roles;
import dev.vigil.triage.store.SuppressionStore;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Every alert held out of incidents, with its reason. */
@Path("/v1/suppressions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.OPERATOR, Roles.SUPERVISOR})
public class SuppressionsResource {
    private final SuppressionStore suppressions;
    private final CallerScope caller;

    public SuppressionsResource(SuppressionStore suppressions, CallerScope caller) {
        this.suppressions = suppressions;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "Alerts held out of incidents, one entry per alert, reason and firing episode, the most"
            + " recently held first")
    public Uni<Page<SuppressionView>> list(@QueryParam("tenant") List<String> tenants,
            @Parameter(description = "silence, maintenance, inhibited, threshold or flapping") @QueryParam("reason")
            String reason,
            @Parameter(description = "Held at or after this instant (ISO-8601)") @QueryParam("since") String since,
            @Parameter(description = "One alert") @QueryParam("fingerprint") String fingerprint,
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return suppressions.page(caller.forList(tenants), TriageParams.reason(reason),
                        TriageParams.fingerprint(fingerprint), TriageParams.instant("since", since),
                        QueryParams.page(limit, cursor, Long::valueOf))
                .map(page -> page.map(SuppressionView::of));
    }
}
