package dev.vigil.triage.schedule;

import dev.vigil.platform.schedule.PeriodicJobs;
import dev.vigil.triage.config.TriageConfig;
import dev.vigil.triage.store.AlertLogStore;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;

/**
 * Forgets applied alerts older than the history's retention ({@code vigil.triage.history.keep}), hourly. Idempotent,
 * so every replica may run it.
 */
@ApplicationScoped
public class HistoryRetention {
    static final Duration EVERY = Duration.ofHours(1);

    private final AlertLogStore log;
    private final TriageConfig config;
    private final PeriodicJobs jobs;

    public HistoryRetention(AlertLogStore log, TriageConfig config, PeriodicJobs jobs) {
        this.log = log;
        this.config = config;
        this.jobs = jobs;
    }

    void schedule(@Observes StartupEvent event) {
        jobs.every("alert-history-retention", EVERY, "forgetting old alert history", () -> forget(Instant.now()));
    }

    /** Forgets what is older than the retention at {@code now}; how many alerts. */
    public Uni<Integer> forget(Instant now) {
        return log.forgetBefore(now.minus(config.history().keep()));
    }
}
