package dev.vigil.triage.schedule;

import dev.vigil.platform.outbox.OutboxRelay;
import dev.vigil.platform.schedule.PeriodicJobs;
import dev.vigil.triage.AlertKey;
import dev.vigil.triage.AlertState;
import dev.vigil.triage.Changes;
import dev.vigil.triage.GroupRef;
import dev.vigil.triage.TriagePolicy;
import dev.vigil.triage.config.TriageConfig;
import dev.vigil.triage.store.AlertStateStore;
import dev.vigil.triage.store.ChangeStore;
import dev.vigil.triage.store.EventTimes;
import dev.vigil.triage.store.TriageReads;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Looks again at alerts nothing new was heard of when the wall clock says so ({@link TriagePolicy#recheck}): a source
 * that sends a failure once is raised when its threshold's duration has passed, an alert still firing when its
 * maintenance window ends is raised then, and a firing alert silent past its timeout resolves itself. The due alerts
 * are found without a lock, then their groups are locked and they are read again, so replicas may sweep together
 * and each alert is judged once.
 */
@ApplicationScoped
public class RecheckSweeper {
    static final String JOB = "alert-rechecks";

    private final Pool pool;
    private final AlertStateStore states;
    private final TriageReads reads;
    private final ChangeStore changes;
    private final OutboxRelay relay;
    private final TriageConfig config;
    private final PeriodicJobs jobs;
    private final EventTimes eventTimes;

    private record Rechecked(int count, Changes changes) {
    }

    public RecheckSweeper(Pool pool, AlertStateStore states, TriageReads reads, ChangeStore changes,
            OutboxRelay relay, TriageConfig config, PeriodicJobs jobs, EventTimes eventTimes) {
        this.eventTimes = eventTimes;
        this.pool = pool;
        this.states = states;
        this.reads = reads;
        this.changes = changes;
        this.relay = relay;
        this.config = config;
        this.jobs = jobs;
    }

    void schedule(@Observes StartupEvent event) {
        jobs.every(JOB, config.rechecks().pollInterval(), "rechecking alerts", () -> sweep(Instant.now()));
    }

    /** Rechecks every alert due by {@code now}; the number rechecked. */
    public Uni<Integer> sweep(Instant now) {
        return batch(now).chain(rechecked -> rechecked < config.rechecks().batchSize()
                ? Uni.createFrom().item(rechecked)
                : sweep(now).map(more -> rechecked + more));
    }

    private Uni<Integer> batch(Instant now) {
        return states.dueForRecheck(pool, now, config.rechecks().batchSize()).chain(due -> {
            if (due.isEmpty()) {
                return Uni.createFrom().item(0);
            }
            Set<AlertKey> keys = due.stream().map(AlertState::key).collect(Collectors.toSet());
            Set<GroupRef> groups = due.stream().map(state -> new GroupRef(state.tenant(), state.groupKey()))
                    .collect(Collectors.toSet());
            return pool.withTransaction(connection -> reads.read(connection, keys, rulesOf -> groups, Map.of())
                    .chain(inputs -> {
                        // read again under the groups' locks: another replica may have judged them meanwhile
                        List<AlertState> still = keys.stream().map(inputs.states()::get)
                                .filter(state -> state != null && state.recheckAt() != null
                                        && !state.recheckAt().isAfter(now))
                                .toList();
                        Changes judged = TriagePolicy.recheck(still, now, inputs);
                        return changes.write(connection, judged).replaceWith(new Rechecked(still.size(), judged));
                    }))
                    .invoke(rechecked -> {
                        // a timeout resolves an alert at its estimated event time, which moves its tenant's on
                        eventTimes.advance(EventTimes.latest(rechecked.changes().states(), AlertState::tenant,
                                AlertState::lastObservedAt));
                        if (rechecked.count() > 0) {
                            relay.wake();
                        }
                    })
                    .map(Rechecked::count);
        });
    }
}
