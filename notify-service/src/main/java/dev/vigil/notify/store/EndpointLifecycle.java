package dev.vigil.notify.store;

import dev.vigil.contracts.Audience;
import dev.vigil.notify.Endpoint;
import dev.vigil.notify.EndpointNotice;
import dev.vigil.notify.message.MessageWriter;
import dev.vigil.notify.message.TemplateOverrides;
import dev.vigil.platform.security.TenantScope;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The changes of an endpoint that reach its deliveries, each in one transaction with them. */
@ApplicationScoped
public class EndpointLifecycle {
    private final Pool pool;
    private final EndpointStore endpoints;
    private final DeliveryStore deliveries;
    private final TemplateStore templates;
    private final MessageWriter writer;

    public EndpointLifecycle(Pool pool, EndpointStore endpoints, DeliveryStore deliveries, TemplateStore templates,
            MessageWriter writer) {
        this.pool = pool;
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.templates = templates;
        this.writer = writer;
    }

    /**
     * Disables an endpoint whose receiver answered 410 Gone and plans the notice to the tenant's other staff
     * endpoints. Its pending deliveries wait: they go out if it is enabled again soon enough, or expire.
     *
     * @return the endpoint as disabled; empty when it already was, and then nobody is told again
     */
    public Uni<Optional<Endpoint>> disableGone(UUID id, String reason) {
        return pool.withTransaction(connection -> endpoints.disable(connection, id, reason)
                .call(disabled -> disabled.isEmpty() ? Uni.createFrom().voidItem()
                        : notify(connection, disabled.get())));
    }

    private Uni<Void> notify(SqlConnection connection, Endpoint disabled) {
        Set<String> tenant = Set.of(disabled.tenant());
        return endpoints.enabledByTenant(connection, tenant)
                .chain(byTenant -> templates.overrides(connection, tenant)
                        .map(overrides -> EndpointNotice.disabled(disabled,
                                byTenant.getOrDefault(disabled.tenant(), List.of()),
                                format -> writer.endpointDisabled(disabled, format,
                                        overrides.getOrDefault(disabled.tenant(), TemplateOverrides.NONE)))))
                .chain(notices -> deliveries.insert(connection, notices))
                .replaceWithVoid();
    }

    /**
     * Deletes an endpoint of the scope and gives up its pending deliveries, each with its failed outcome.
     *
     * @return false when the scope has no such endpoint
     */
    public Uni<Boolean> delete(TenantScope scope, Optional<Audience> audience, UUID id, String by) {
        return pool.withTransaction(connection -> endpoints.delete(connection, scope, audience, id)
                .call(deleted -> deleted
                        ? deliveries.failPending(connection, id, "its endpoint was deleted by " + by)
                        : Uni.createFrom().voidItem()));
    }
}
