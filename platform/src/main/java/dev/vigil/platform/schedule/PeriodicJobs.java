package dev.vigil.platform.schedule;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Rounds of work the wall clock drives (deadlines, heartbeats, rechecks), scheduled from configuration rather than
 * {@code @Scheduled}, so that the period has one source, the config mapping. A round never overlaps the last one,
 * and a failed round is logged and retried by the next: the work is rows in the database, nothing is lost between.
 */
@ApplicationScoped
public class PeriodicJobs {
    private static final Logger LOG = Logger.getLogger(PeriodicJobs.class);

    private final Scheduler scheduler;

    public PeriodicJobs(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    /** Runs {@code round} every {@code interval}; {@code what} names it in the log when a round fails. */
    public void every(String name, Duration interval, String what, Supplier<Uni<?>> round) {
        String every = interval.toString();
        scheduler.newJob(name).setInterval(every).setDelayed(every)
                .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                .setAsyncTask(execution -> round.get()
                        .onFailure().invoke(e -> LOG.warnf("%s failed, the next round retries: %s", what,
                                e.getMessage()))
                        .onFailure().recoverWithNull().replaceWithVoid())
                .schedule();
    }
}
