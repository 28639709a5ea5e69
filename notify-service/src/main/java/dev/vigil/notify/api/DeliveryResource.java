package dev.vigil.notify.api;

import dev.vigil.notify.store.DeliveryStore;
import dev.vigil.platform.problem.ProblemException;
import dev.vigil.platform.security.CallerTenant;
import dev.vigil.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;

/** The caller tenant's webhook deliveries and how they went. */
@Path("/v1/deliveries")
@Produces(MediaType.APPLICATION_JSON)
public class DeliveryResource {
    private static final int MAX_LIMIT = 500;

    private final DeliveryStore store;
    private final CallerTenant caller;

    public DeliveryResource(DeliveryStore store, CallerTenant caller) {
        this.store = store;
        this.caller = caller;
    }

    /**
     * Query parameters are taken as text: JAX-RS answers an unconvertible query parameter with 404, while a
     * caller deserves a 400 naming the field.
     */
    @GET
    @RolesAllowed({Roles.CUSTOMER, Roles.SUPERVISOR, Roles.OPERATOR})
    public Uni<List<DeliveryView>> list(@QueryParam("incidentId") String incidentId,
            @QueryParam("limit") @DefaultValue("50") String limit) {
        String tenant = caller.require();
        return store.list(tenant, parseIncidentId(incidentId), parseLimit(limit))
                .map(deliveries -> deliveries.stream().map(DeliveryView::of).toList());
    }

    private static int parseLimit(String raw) {
        try {
            int limit = Integer.parseInt(raw.trim());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below, like an out-of-range number
        }
        throw ProblemException.invalid("limit", "must be a whole number from 1 to " + MAX_LIMIT);
    }

    private static UUID parseIncidentId(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(raw.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("incidentId", "must be a UUID");
        }
    }
}
