package dev.vigil.triage.messaging;

import dev.vigil.contracts.Alert;
import dev.vigil.contracts.Channels;
import dev.vigil.platform.messaging.BatchProcessor;
import dev.vigil.platform.messaging.EventHandler;
import dev.vigil.platform.messaging.Subscription;
import dev.vigil.platform.outbox.OutboxRelay;
import dev.vigil.triage.AlertKey;
import dev.vigil.triage.GroupKey;
import dev.vigil.triage.GroupRef;
import dev.vigil.triage.TriagePolicy;
import dev.vigil.triage.rules.AlertLabels;
import dev.vigil.triage.store.AlertLogStore;
import dev.vigil.triage.store.ChangeStore;
import dev.vigil.triage.store.EventTimes;
import dev.vigil.triage.store.TriageReads;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Folds alerts into incidents, a batch at a time: what triage needs is locked and read ({@link TriageReads}),
 * {@link TriagePolicy} decides, and what changed is written with its events in the outbox, in the transaction that
 * claims the alerts in the inbox ({@link BatchProcessor}); once committed, they move their tenants' event time on.
 * The alerts are also kept in the log the noise report replays.
 */
@ApplicationScoped
public class AlertsConsumer implements EventHandler<Alert> {
    private final BatchProcessor processor;
    private final TriageReads reads;
    private final ChangeStore changes;
    private final AlertLogStore log;
    private final OutboxRelay relay;
    private final EventTimes eventTimes;

    public AlertsConsumer(BatchProcessor processor, TriageReads reads, ChangeStore changes, AlertLogStore log,
            OutboxRelay relay, EventTimes eventTimes) {
        this.eventTimes = eventTimes;
        this.processor = processor;
        this.log = log;
        this.reads = reads;
        this.changes = changes;
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
        Set<AlertKey> keys = new LinkedHashSet<>();
        fresh.values().forEach(alert -> keys.add(new AlertKey(alert.tenant(), alert.fingerprint())));
        return reads.read(connection, keys, rulesOf -> fresh.values().stream()
                                .map(alert -> new GroupRef(alert.tenant(), GroupKey.of(rulesOf.apply(alert.tenant()),
                                        AlertLabels.of(alert))))
                                .collect(Collectors.toSet()), latestObserved(fresh.values()))
                .chain(inputs -> changes.write(connection, TriagePolicy.apply(fresh.values(), inputs)))
                .chain(() -> log.append(connection, fresh.values()));
    }

    /** Per tenant, the latest observed time among the alerts. */
    private static Map<String, Instant> latestObserved(Collection<Alert> alerts) {
        return EventTimes.latest(alerts, Alert::tenant, Alert::observedAt);
    }

    @Override
    public void committed(Collection<Alert> applied) {
        eventTimes.advance(latestObserved(applied));
        relay.wake();
    }
}
