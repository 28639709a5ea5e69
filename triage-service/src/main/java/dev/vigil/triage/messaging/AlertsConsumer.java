package dev.vigil.triage.messaging;

import dev.vigil.contracts.Alert;
import dev.vigil.contracts.Channels;
import dev.vigil.contracts.IncidentEvent;
import dev.vigil.contracts.Json;
import dev.vigil.contracts.Keys;
import dev.vigil.contracts.Topics;
import dev.vigil.platform.inbox.Inbox;
import dev.vigil.platform.messaging.BatchRetry;
import dev.vigil.platform.messaging.DeadLetters;
import dev.vigil.platform.messaging.EventBatch;
import dev.vigil.platform.outbox.Outbox;
import dev.vigil.platform.outbox.OutboxEntry;
import dev.vigil.platform.outbox.OutboxRelay;
import dev.vigil.triage.IncidentKey;
import dev.vigil.triage.TriagePolicy;
import dev.vigil.triage.TriageResult;
import dev.vigil.triage.store.IncidentStore;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Applies a batch of alerts in one transaction: inbox claim, incident upserts and outbox events together,
 * so a batch is applied entirely or not at all, and a redelivered alert changes nothing.
 */
@ApplicationScoped
public class AlertsConsumer {
    private final Pool pool;
    private final Inbox inbox;
    private final IncidentStore incidents;
    private final Outbox outbox;
    private final OutboxRelay relay;
    private final DeadLetters deadLetters;

    public AlertsConsumer(Pool pool, Inbox inbox, IncidentStore incidents, Outbox outbox, OutboxRelay relay,
            DeadLetters deadLetters) {
        this.pool = pool;
        this.inbox = inbox;
        this.incidents = incidents;
        this.outbox = outbox;
        this.relay = relay;
        this.deadLetters = deadLetters;
    }

    @Incoming(Channels.ALERTS_IN)
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        EventBatch<Alert> batch = EventBatch.decode(records, Alert.class, Alert::missingField);
        // parked after the batch committed: if it never does, the failure strategy dead-letters the whole batch
        return apply(batch.events()).chain(() -> deadLetters.parkAll(batch.poison()));
    }

    private Uni<Void> apply(Map<UUID, Alert> alerts) {
        if (alerts.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return BatchRetry.onTransientFailure(pool.withTransaction(connection -> inbox.claim(connection, alerts.keySet())
                        .chain(fresh -> applyFresh(connection, alerts.entrySet().stream()
                                .filter(e -> fresh.contains(e.getKey())).map(Map.Entry::getValue).toList()))))
                .invoke(relay::wake);
    }

    private Uni<Void> applyFresh(SqlConnection connection, List<Alert> alerts) {
        Set<IncidentKey> keys = new LinkedHashSet<>();
        alerts.forEach(alert -> keys.add(new IncidentKey(alert.tenant(), alert.fingerprint())));
        return incidents.findOpen(connection, keys).chain(open -> {
            TriageResult result = TriagePolicy.apply(alerts, open);
            return incidents.save(connection, result.changed())
                    .chain(() -> outbox.append(connection, result.events().stream().map(AlertsConsumer::entry).toList()));
        });
    }

    private static OutboxEntry entry(IncidentEvent event) {
        return new OutboxEntry(event.eventId(), Topics.INCIDENTS, Keys.incident(event.tenant(), event.incidentId()),
                event.eventType(), event.tenant(), Json.write(event));
    }
}
