package dev.vigil.triage.schedule;

import dev.vigil.platform.outbox.OutboxRelay;
import dev.vigil.platform.schedule.PeriodicJobs;
import dev.vigil.platform.security.TenantScope;
import dev.vigil.triage.Changes;
import dev.vigil.triage.Deadline;
import dev.vigil.triage.Incident;
import dev.vigil.triage.IncidentLife;
import dev.vigil.triage.config.TriageConfig;
import dev.vigil.triage.store.ChangeStore;
import dev.vigil.triage.store.DeadlineStore;
import dev.vigil.triage.store.IncidentStore;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Fires due deadlines: escalates incidents still undecided at their decision deadline, and resolves those whose
 * alerts stayed resolved for the resolve delay. Deadlines are rows claimed with their incidents under
 * {@code for update skip locked}, so every replica may sweep and each deadline still fires once, also after a
 * restart.
 */
@ApplicationScoped
public class DeadlineSweeper {
    static final String JOB = "incident-deadlines";

    private final Pool pool;
    private final DeadlineStore deadlines;
    private final IncidentStore incidents;
    private final ChangeStore changes;
    private final OutboxRelay relay;
    private final TriageConfig config;
    private final PeriodicJobs jobs;

    public DeadlineSweeper(Pool pool, DeadlineStore deadlines, IncidentStore incidents, ChangeStore changes,
            OutboxRelay relay, TriageConfig config, PeriodicJobs jobs) {
        this.pool = pool;
        this.deadlines = deadlines;
        this.incidents = incidents;
        this.changes = changes;
        this.relay = relay;
        this.config = config;
        this.jobs = jobs;
    }

    void schedule(@Observes StartupEvent event) {
        jobs.every(JOB, config.deadlines().pollInterval(), "firing deadlines", () -> sweep(Instant.now()));
    }

    /** Fires every deadline due by {@code now}; the number fired. */
    public Uni<Integer> sweep(Instant now) {
        return batch(now).chain(fired -> fired < config.deadlines().batchSize()
                ? Uni.createFrom().item(fired)
                : sweep(now).map(more -> fired + more));
    }

    private Uni<Integer> batch(Instant now) {
        return pool.withTransaction(connection -> deadlines.claimDue(connection, now, config.deadlines().batchSize())
                .chain(due -> {
                    if (due.isEmpty()) {
                        return Uni.createFrom().item(0);
                    }
                    List<UUID> ids = due.stream().map(Deadline::incidentId).distinct().toList();
                    return incidents.findForUpdate(connection, TenantScope.of(due.stream().map(Deadline::tenant)
                                    .toList()), ids)
                            .chain(found -> changes.write(connection, fire(due, found, now)))
                            .chain(() -> deadlines.remove(connection, due))
                            .replaceWith(due.size());
                }))
                .invoke(fired -> {
                    if (fired > 0) {
                        relay.wake();
                    }
                });
    }

    private static Changes fire(List<Deadline> due, List<Incident> found, Instant now) {
        Map<UUID, Incident> byId = new HashMap<>();
        found.forEach(incident -> byId.put(incident.id(), incident));
        Changes fired = new Changes();
        for (Deadline deadline : due) {
            Incident incident = byId.get(deadline.incidentId());
            if (incident == null) {
                continue;
            }
            Changes one = deadline.kind() == Deadline.Kind.DECISION
                    ? IncidentLife.escalate(incident, now)
                    : IncidentLife.resolveIfStillQuiet(incident, deadline.dueAt(), now);
            fired.merge(one);
            one.incidents().forEach(changed -> byId.put(changed.id(), changed));
        }
        return fired;
    }
}
