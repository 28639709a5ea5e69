package dev.vigil.notify.messaging;

import dev.vigil.notify.NewDelivery;
import dev.vigil.notify.Recipient;
import dev.vigil.notify.message.TemplateOverrides;
import dev.vigil.notify.store.DeliveryStore;
import dev.vigil.notify.store.EndpointStore;
import dev.vigil.notify.store.TemplateStore;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What every consumer that turns events into deliveries shares: it reads the enabled endpoints and template
 * overrides of the batch's tenants, lets the consumer plan, and inserts the deliveries, all in the transaction that
 * claims the events in the inbox, so a redelivered event creates nothing twice.
 */
@ApplicationScoped
public class DeliveryPlanner {
    private final EndpointStore endpoints;
    private final DeliveryStore deliveries;
    private final TemplateStore templates;

    public DeliveryPlanner(EndpointStore endpoints, DeliveryStore deliveries, TemplateStore templates) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.templates = templates;
    }

    /** What a consumer makes of its tenants' endpoints and templates: the deliveries to create. */
    @FunctionalInterface
    public interface Plan {
        List<NewDelivery> of(Map<String, List<Recipient>> endpointsByTenant,
                Map<String, TemplateOverrides> overridesByTenant);
    }

    public Uni<Void> insert(SqlConnection connection, Set<String> tenants, Plan plan) {
        return endpoints.enabledByTenant(connection, tenants)
                .chain(byTenant -> templates.overrides(connection, tenants)
                        .map(overrides -> plan.of(byTenant, overrides)))
                .chain(planned -> deliveries.insert(connection, planned))
                .replaceWithVoid();
    }
}
