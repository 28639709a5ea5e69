package dev.vigil.triage.messaging;

import dev.vigil.contracts.Alert;
import dev.vigil.contracts.Channels;
import dev.vigil.contracts.IncidentEvent;
import dev.vigil.contracts.Json;
import dev.vigil.contracts.Keys;
import dev.vigil.contracts.Topics;
import dev.vigil.platform.messaging.BatchProcessor;
import dev.vigil.platform.messaging.EventHandler;
import dev.vigil.platform.messaging.Subscription;
import dev.vigil.platform.outbox.Outbox;
import dev.vigil.platform.outbox.OutboxEntry;
import dev.vigil.platform.outbox.OutboxRelay;
import dev.vigil.triage.IncidentKey;
import dev.vigil.triage.TriagePolicy;
import dev.vigil.triage.TriageResult;
import dev.vigil.triage.store.IncidentStore;
import io.smallrye.mutiny.Uni;
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
 * Folds alerts into incidents, a batch at a time: incident upserts and their events in the outbox, in the
 * transaction that claims the alerts in the inbox ({@link BatchProcessor}).
 */
@ApplicationScoped
public class AlertsConsumer implements EventHandler<Alert> {
    private final BatchProcessor processor;
    private final IncidentStore incidents;
    private final Outbox outbox;
    private final OutboxRelay relay;

    public AlertsConsumer(BatchProcessor processor, IncidentStore incidents, Outbox outbox, OutboxRelay relay) {
        this.processor = processor;
        this.incidents = incidents;
        this.outbox = outbox;
        this.relay = relay;
    }

    @Incoming(Channels.ALERTS_IN)
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        return processor.process(records, this);
    }

    @Override
    public Subscription<Alert> subscription() {
        return Subscription.ALERTS;
    }

    @Override
    public Uni<Void> apply(SqlConnection connection, Map<UUID, Alert> fresh) {
        List<Alert> alerts = List.copyOf(fresh.values());
        Set<IncidentKey> keys = new LinkedHashSet<>();
        alerts.forEach(alert -> keys.add(new IncidentKey(alert.tenant(), alert.fingerprint())));
        return incidents.findOpen(connection, keys).chain(open -> {
            TriageResult result = TriagePolicy.apply(alerts, open);
            return incidents.save(connection, result.changed())
                    .chain(() -> outbox.append(connection, result.events().stream().map(AlertsConsumer::entry).toList()));
        });
    }

    @Override
    public void committed() {
        relay.wake();
    }

    private static OutboxEntry entry(IncidentEvent event) {
        return new OutboxEntry(event.eventId(), Topics.INCIDENTS, Keys.incident(event.tenant(), event.incidentId()),
                event.eventType(), event.tenant(), Json.write(event));
    }
}
