package dev.vigil.triage.messaging;

import dev.vigil.contracts.Alert;
import dev.vigil.contracts.Channels;
import dev.vigil.contracts.IncidentEvent;
import dev.vigil.contracts.Json;
import dev.vigil.contracts.Keys;
import dev.vigil.contracts.Topics;
import dev.vigil.platform.inbox.Inbox;
import dev.vigil.platform.messaging.DeadLetters;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
        List<Alert> alerts = new ArrayList<>(records.count());
        List<Uni<Void>> parked = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            AlertDecoder.Decoded decoded = AlertDecoder.decode(record);
            if (decoded instanceof AlertDecoder.Valid valid) {
                alerts.add(valid.alert());
            } else if (decoded instanceof AlertDecoder.Poison poison) {
                parked.add(deadLetters.park(record, poison.reason()));
            }
        }
        Uni<Void> parking = parked.isEmpty()
                ? Uni.createFrom().voidItem()
                : Uni.join().all(parked).andFailFast().replaceWithVoid();
        return parking.chain(() -> apply(alerts));
    }

    private Uni<Void> apply(List<Alert> alerts) {
        if (alerts.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Set<UUID> ids = new LinkedHashSet<>();
        alerts.forEach(alert -> ids.add(alert.eventId()));
        return pool.withTransaction(connection -> inbox.claim(connection, ids)
                        .chain(fresh -> applyFresh(connection, firstOccurrences(alerts, fresh))))
                .onFailure().retry().withBackOff(Duration.ofMillis(100), Duration.ofSeconds(2)).atMost(5)
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

    /** Keeps each fresh alert once, in order: a duplicate inside one batch is as stale as a redelivered one. */
    private static List<Alert> firstOccurrences(List<Alert> alerts, Set<UUID> fresh) {
        Set<UUID> remaining = new LinkedHashSet<>(fresh);
        List<Alert> result = new ArrayList<>(fresh.size());
        for (Alert alert : alerts) {
            if (remaining.remove(alert.eventId())) {
                result.add(alert);
            }
        }
        return result;
    }

    private static OutboxEntry entry(IncidentEvent event) {
        return new OutboxEntry(event.eventId(), Topics.INCIDENTS, Keys.incident(event.tenant(), event.incidentId()),
                event.eventType(), event.tenant(), Json.write(event));
    }
}
