package dev.vigil.notify.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.vigil.contracts.Channels;
import dev.vigil.contracts.CloudEventHeaders;
import dev.vigil.contracts.IncidentEvent;
import dev.vigil.contracts.Json;
import dev.vigil.notify.NewDelivery;
import dev.vigil.notify.dispatch.Dispatcher;
import dev.vigil.notify.store.DeliveryStore;
import dev.vigil.notify.store.EndpointStore;
import dev.vigil.platform.inbox.Inbox;
import dev.vigil.platform.messaging.DeadLetters;
import dev.vigil.platform.messaging.IncomingEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Turns incident events into deliveries, a batch at a time: one transaction claims the batch's event ids in
 * the inbox and creates a delivery per (fresh event, enabled endpoint of its tenant), so a redelivered batch
 * creates nothing twice. Records that are not incident events are parked on the DLQ.
 */
@ApplicationScoped
public class IncidentEventsConsumer {
    /** transient database trouble gets a few tries before the batch goes to the failure strategy. */
    private static final int APPLY_RETRIES = 4;
    private static final Duration APPLY_BACKOFF = Duration.ofMillis(200);
    private static final Duration APPLY_BACKOFF_CAP = Duration.ofSeconds(3);

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
        Map<UUID, IncidentEvent> events = new LinkedHashMap<>();
        List<Uni<Void>> parked = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            Optional<UUID> id = IncomingEvent.id(record);
            if (id.isEmpty()) {
                parked.add(deadLetters.park(record, "missing or malformed " + CloudEventHeaders.ID + " header"));
                continue;
            }
            Parsed parsed = parse(record);
            if (parsed.event() == null) {
                parked.add(deadLetters.park(record, parsed.problem()));
            } else {
                events.put(id.get(), parsed.event());
            }
        }
        Uni<Void> parking = parked.isEmpty()
                ? Uni.createFrom().voidItem()
                : Uni.join().all(parked).andFailFast().replaceWithVoid();
        return apply(events).chain(() -> parking);
    }

    private Uni<Void> apply(Map<UUID, IncidentEvent> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return pool.withTransaction(connection -> inbox.claim(connection, events.keySet())
                        .chain(fresh -> createDeliveries(connection, only(events, fresh))))
                .onFailure().retry().withBackOff(APPLY_BACKOFF, APPLY_BACKOFF_CAP).atMost(APPLY_RETRIES)
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

    /** Either the record's incident event or why it is not one. */
    private record Parsed(IncidentEvent event, String problem) {
        static Parsed poison(String problem) {
            return new Parsed(null, problem);
        }
    }

    private static Parsed parse(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            return Parsed.poison("the value is empty");
        }
        IncidentEvent event;
        try {
            event = Json.read(record.value(), IncidentEvent.class);
        } catch (JsonProcessingException e) {
            return Parsed.poison("the value is not an incident event: " + e.getOriginalMessage());
        }
        if (event == null) {
            return Parsed.poison("the value is JSON null");
        }
        if (event.change() == null || event.tenant() == null || event.tenant().isBlank()
                || event.incidentId() == null) {
            return Parsed.poison("the incident event lacks change, tenant or incidentId");
        }
        Optional<String> headerTenant = IncomingEvent.header(record, CloudEventHeaders.TENANT);
        if (headerTenant.isPresent() && !headerTenant.get().equals(event.tenant())) {
            return Parsed.poison("the " + CloudEventHeaders.TENANT + " header disagrees with the event's tenant");
        }
        return new Parsed(event, null);
    }
}
