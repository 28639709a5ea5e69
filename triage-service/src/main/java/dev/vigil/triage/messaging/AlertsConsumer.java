package dev.vigil.triage.messaging;

import dev.vigil.contracts.Alert;
import dev.vigil.contracts.Channels;
import dev.vigil.platform.messaging.BatchProcessor;
import dev.vigil.platform.messaging.EventHandler;
import dev.vigil.platform.messaging.Subscription;
import dev.vigil.platform.outbox.OutboxRelay;
import dev.vigil.triage.IncidentKey;
import dev.vigil.triage.TriagePolicy;
import dev.vigil.triage.store.ChangeStore;
import dev.vigil.triage.store.IncidentStore;
import dev.vigil.triage.store.PolicyStore;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Folds alerts into incidents, a batch at a time: the live incidents and the tenants' policies are read, {@link
 * TriagePolicy} decides, and what changed is written with its events in the outbox, in the transaction that claims
 * the alerts in the inbox ({@link BatchProcessor}).
 */
@ApplicationScoped
public class AlertsConsumer implements EventHandler<Alert> {
    private final BatchProcessor processor;
    private final IncidentStore incidents;
    private final PolicyStore policies;
    private final ChangeStore changes;
    private final OutboxRelay relay;

    public AlertsConsumer(BatchProcessor processor, IncidentStore incidents, PolicyStore policies,
            ChangeStore changes, OutboxRelay relay) {
        this.processor = processor;
        this.incidents = incidents;
        this.policies = policies;
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
        Set<IncidentKey> keys = new LinkedHashSet<>();
        fresh.values().forEach(alert -> keys.add(new IncidentKey(alert.tenant(), alert.fingerprint())));
        Set<String> tenants = keys.stream().map(IncidentKey::tenant).collect(Collectors.toSet());
        return policies.current(connection, tenants)
                .chain(byTenant -> incidents.findLiveForUpdate(connection, keys)
                        .chain(live -> changes.write(connection, TriagePolicy.apply(fresh.values(), live, byTenant))));
    }

    @Override
    public void committed() {
        relay.wake();
    }
}
