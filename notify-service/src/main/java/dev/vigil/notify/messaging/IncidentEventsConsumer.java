package dev.vigil.notify.messaging;

import dev.vigil.contracts.Channels;
import dev.vigil.contracts.IncidentEvent;
import dev.vigil.notify.NewDelivery;
import dev.vigil.notify.dispatch.Dispatcher;
import dev.vigil.notify.store.DeliveryStore;
import dev.vigil.notify.store.EndpointStore;
import dev.vigil.platform.inbox.Inbox;
import dev.vigil.platform.messaging.BatchRetry;
import dev.vigil.platform.messaging.DeadLetters;
import dev.vigil.platform.messaging.EventBatch;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Turns incident events into deliveries, a batch at a time: one transaction claims the batch's event ids in
 * the inbox and creates a delivery per (fresh event, enabled endpoint of its tenant), so a redelivered batch
 * creates nothing twice. Records that are not incident events are parked on the DLQ.
 */
@ApplicationScoped
public class IncidentEventsConsumer {
    private final Pool pool;
    private final Inbox inbox;
    private final EndpointStore endpoints;
    private final DeliveryStore deliveries;
    private final DeadLetters deadLetters;
    private final Dispatcher dispatcher;

    public IncidentEventsConsumer(Pool pool, Inbox inbox, EndpointStore endpoints, DeliveryStore deliveries,
            DeadLetters deadLetters, Dispatcher dispatcher) {
        this.pool = pool;
        this.inbox = inbox;
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.deadLetters = deadLetters;
        this.dispatcher = dispatcher;
    }

    @Incoming(Channels.INCIDENTS_IN)
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        EventBatch<IncidentEvent> batch = EventBatch.decode(records, IncidentEvent.class, IncidentEvent::missingField);
        // parked after the batch committed: if it never does, the failure strategy dead-letters the whole batch
        return apply(batch.events()).chain(() -> deadLetters.parkAll(batch.poison()));
    }

    private Uni<Void> apply(Map<UUID, IncidentEvent> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return BatchRetry.onTransientFailure(pool.withTransaction(connection -> inbox.claim(connection, events.keySet())
                        .chain(fresh -> createDeliveries(connection, only(events, fresh)))))
                .invoke(created -> {
                    if (created > 0) {
                        dispatcher.wake();
                    }
                })
                .replaceWithVoid();
    }

    /** @return how many deliveries were created */
    private Uni<Integer> createDeliveries(SqlConnection connection, Map<UUID, IncidentEvent> events) {
        Set<String> tenants = events.values().stream().map(IncidentEvent::tenant).collect(Collectors.toSet());
        return endpoints.enabledByTenant(connection, tenants)
                .chain(byTenant -> deliveries.insert(connection, NewDelivery.plan(events, byTenant)));
    }

    private static Map<UUID, IncidentEvent> only(Map<UUID, IncidentEvent> events, Set<UUID> ids) {
        Map<UUID, IncidentEvent> kept = new LinkedHashMap<>(events);
        kept.keySet().retainAll(ids);
        return kept;
    }
}
