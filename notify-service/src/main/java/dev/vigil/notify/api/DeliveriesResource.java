package dev.vigil.notify.api;

import dev.vigil.notify.store.DeliveryStore;
import dev.vigil.platform.api.QueryParams;
import dev.vigil.platform.paging.Page;
import dev.vigil.platform.security.CallerScope;
import dev.vigil.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;

/**
 * The webhook deliveries of the caller's tenants and how they went; a customer sees only those to its own endpoints,
 * not to the MSP's channels ({@link AudienceAccess}).
 */
@Path("/v1/deliveries")
@Produces(MediaType.APPLICATION_JSON)
public class DeliveriesResource {
    private final DeliveryStore store;
    private final CallerScope caller;
    private final AudienceAccess audiences;

    public DeliveriesResource(DeliveryStore store, CallerScope caller, AudienceAccess audiences) {
        this.store = store;
        this.caller = caller;
        this.audiences = audiences;
    }

    /** Query parameters are taken as text; {@link QueryParams} answers a bad one with a 400 naming it. */
    @GET
    @RolesAllowed({Roles.CUSTOMER, Roles.SUPERVISOR, Roles.OPERATOR})
    public Uni<Page<DeliveryView>> list(@QueryParam("tenant") List<String> tenants,
            @QueryParam("incidentId") String incidentId, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        return store.list(caller.forList(tenants), audiences.visible(), QueryParams.uuid("incidentId", incidentId),
                QueryParams.page(limit, cursor, UUID::fromString)).map(page -> page.map(DeliveryView::of));
    }
}
