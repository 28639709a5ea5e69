package dev.vigil.notify.api;

import dev.vigil.notify.store.DeliveryStore;
import dev.vigil.platform.api.QueryParams;
import dev.vigil.platform.security.CallerTenant;
import dev.vigil.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The caller tenant's webhook deliveries and how they went. */
@Path("/v1/deliveries")
@Produces(MediaType.APPLICATION_JSON)
public class DeliveryResource {
    private final DeliveryStore store;
    private final CallerTenant caller;

    public DeliveryResource(DeliveryStore store, CallerTenant caller) {
        this.store = store;
        this.caller = caller;
    }

    /** Query parameters are taken as text; {@link QueryParams} answers a bad one with a 400 naming it. */
    @GET
    @RolesAllowed({Roles.CUSTOMER, Roles.SUPERVISOR, Roles.OPERATOR})
    public Uni<List<DeliveryView>> list(@QueryParam("incidentId") String incidentId,
            @QueryParam("limit") String limit) {
        String tenant = caller.require();
        return store.list(tenant, QueryParams.uuid("incidentId", incidentId).orElse(null), QueryParams.limit(limit))
                .map(deliveries -> deliveries.stream().map(DeliveryView::of).toList());
    }
}
