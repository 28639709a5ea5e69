package dev.vigil.ingest.heartbeat;

import dev.vigil.ingest.config.HeartbeatConfig;
import dev.vigil.ingest.messaging.AlertPublisher;
import dev.vigil.ingest.store.HeartbeatStore;
import dev.vigil.platform.schedule.PeriodicJobs;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * Raises the misses of heartbeats whose due time passed, on every replica every
 * {@code vigil.heartbeats.evaluation-interval}. A round claims due rows with {@code for update skip locked}, so
 * each row is decided by one evaluator at a time and replicas share the work; it publishes the firing alerts,
 * waits for the broker's acknowledgement, marks the rows missed and commits. A crash before the commit leaves the
 * rows due: the next round publishes the same event ids again, which triage counts once.
 */
@ApplicationScoped
public class HeartbeatEvaluator {
    static final String JOB = "heartbeat-evaluation";
    private static final Supplier<Uni<Void>> COMMIT = () -> Uni.createFrom().voidItem();

    private final HeartbeatStore store;
    private final AlertPublisher publisher;
    private final HeartbeatConfig config;
    private final PeriodicJobs jobs;

    public HeartbeatEvaluator(HeartbeatStore store, AlertPublisher publisher, HeartbeatConfig config,
            PeriodicJobs jobs) {
        this.store = store;
        this.publisher = publisher;
        this.config = config;
        this.jobs = jobs;
    }

    void schedule(@Observes StartupEvent event) {
        jobs.every(JOB, config.evaluationInterval(), "heartbeat evaluation", () -> evaluate(Instant.now()));
    }

    /** Raises every miss due by {@code now}; the number raised. */
    public Uni<Integer> evaluate(Instant now) {
        return evaluate(now, COMMIT);
    }

    /**
     * @param beforeCommit runs after the broker acknowledged a batch's alerts and its rows were marked, just before
     *                     the commit; a failure there rolls the batch back as a crash at that point would (a test
     *                     seam)
     */
    Uni<Integer> evaluate(Instant now, Supplier<Uni<Void>> beforeCommit) {
        return batch(now, beforeCommit).chain(raised -> raised < config.evaluationBatchSize()
                ? Uni.createFrom().item(raised)
                : evaluate(now, beforeCommit).map(more -> raised + more));
    }

    private Uni<Integer> batch(Instant now, Supplier<Uni<Void>> beforeCommit) {
        return store.inTransaction(connection -> store.claimDue(connection, now, config.evaluationBatchSize())
                .chain(due -> {
                    List<HeartbeatPolicy.Miss> misses = HeartbeatPolicy.missed(due, now);
                    if (misses.isEmpty()) {
                        return Uni.createFrom().item(0);
                    }
                    return publisher.publish(misses.stream().map(HeartbeatPolicy.Miss::firing).toList())
                            .chain(() -> store.markMissed(connection,
                                    misses.stream().map(HeartbeatPolicy.Miss::after).toList()))
                            .chain(() -> beforeCommit.get())
                            .replaceWith(misses.size());
                }));
    }
}
