package dev.vigil.triage.messaging;

import dev.vigil.contracts.Alert;
import dev.vigil.contracts.Channels;
import dev.vigil.platform.messaging.BatchProcessor;
import dev.vigil.platform.messaging.EventHandler;
import dev.vigil.platform.messaging.Subscription;
import dev.vigil.platform.outbox.OutboxRelay;
import dev.vigil.triage.AlertKey;
import dev.vigil.triage.AlertState;
import dev.vigil.triage.GroupKey;
import dev.vigil.triage.GroupRef;
import dev.vigil.triage.PlannedQuiet;
import dev.vigil.triage.TriageInputs;
import dev.vigil.triage.TriagePolicy;
import dev.vigil.triage.rules.AlertLabels;
import dev.vigil.triage.rules.DefaultRules;
import dev.vigil.triage.rules.TriageRules;
import dev.vigil.triage.store.AlertStateStore;
import dev.vigil.triage.store.ChangeStore;
import dev.vigil.triage.store.GroupLocks;
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
 * Folds alerts into incidents, a batch at a time: the batch's groups are locked, the alerts' states, the incidents
 * they may join, the tenants' inhibitors, rules, policies, silences and windows are read, {@link TriagePolicy}
 * decides, and what changed is written with its events in the outbox, in the transaction that claims the alerts in
 * the inbox ({@link BatchProcessor}).
 */
@ApplicationScoped
public class AlertsConsumer implements EventHandler<Alert> {
    private final BatchProcessor processor;
    private final DefaultRules defaults;
    private final GroupLocks locks;
    private final AlertStateStore states;
    private final IncidentStore incidents;
    private final PolicyStore policies;
    private final ChangeStore changes;
    private final OutboxRelay relay;

    public AlertsConsumer(BatchProcessor processor, DefaultRules defaults, GroupLocks locks, AlertStateStore states,
            IncidentStore incidents, PolicyStore policies, ChangeStore changes, OutboxRelay relay) {
        this.processor = processor;
        this.defaults = defaults;
        this.locks = locks;
        this.states = states;
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
        Set<AlertKey> keys = new LinkedHashSet<>();
        fresh.values().forEach(alert -> keys.add(new AlertKey(alert.tenant(), alert.fingerprint())));
        Set<String> tenants = keys.stream().map(AlertKey::tenant).collect(Collectors.toSet());
        Map<String, TriageRules> rules = Map.of();
        Set<GroupRef> groups = fresh.values().stream()
                .map(alert -> new GroupRef(alert.tenant(), GroupKey.of(rules.getOrDefault(alert.tenant(),
                        defaults.rules()), AlertLabels.of(alert))))
                .collect(Collectors.toSet());
        return locks.lock(connection, groups)
                .chain(() -> states.find(connection, keys))
                .chain(known -> incidents.findLiveForUpdate(connection, known.values().stream()
                                .filter(AlertState::isMember).map(AlertState::incidentId).collect(Collectors.toSet()),
                                groups)
                        .chain(live -> states.firingMembers(connection, live.stream().map(i -> i.id()).toList())
                                .chain(firing -> states.inhibitors(connection, tenants)
                                        .chain(inhibitors -> policies.current(connection, tenants)
                                                .map(byTenant -> new TriageInputs(known, live, firing, inhibitors,
                                                        rules, byTenant, PlannedQuiet.NONE, defaults.rules()))))))
                .chain(inputs -> changes.write(connection, TriagePolicy.apply(fresh.values(), inputs)));
    }

    @Override
    public void committed() {
        relay.wake();
    }
}
