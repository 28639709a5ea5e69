package dev.vigil.notify.store;

import dev.vigil.notify.config.NotifyConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Vacuums the sending queue as soon as enough of its rows are dead. Each delivery leaves two dead queue rows, the
 * version its claim replaced and the row its finish deleted, and each claim walks the due index entries of those not
 * yet removed. At 2,000 deliveries/s, autovacuum's visit once a minute let 120,000 pile up and a drain fell to a third
 * of its rate (ADR 0014). Counting them every few seconds and vacuuming the queue when needed kept them under 20,000 in
 * such drains, on any PostgreSQL server and without a server-wide setting; autovacuum stays the backstop.
 */
@ApplicationScoped
public class QueueUpkeep {
    private static final Logger LOG = Logger.getLogger(QueueUpkeep.class);

    private final Pool pool;
    private final int vacuumAtDeadRows;
    private final Counter vacuums;
    /** the last round failed: the next failure is not logged again, the next success is. */
    private final AtomicBoolean failing = new AtomicBoolean();

    public QueueUpkeep(Pool pool, NotifyConfig config, MeterRegistry metrics) {
        this.pool = pool;
        this.vacuumAtDeadRows = config.delivery().vacuumAtDeadRows();
        this.vacuums = Counter.builder("vigil.notify.queue.vacuums")
                .description("vacuums of the sending queue notify asked for, once its dead rows reached the threshold")
                .register(metrics);
    }

    @Scheduled(every = "${vigil.notify.delivery.vacuum-interval:2s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return vacuumIfDue()
                .invoke(() -> {
                    if (failing.compareAndSet(true, false)) {
                        LOG.info("upkeep of the sending queue works again");
                    }
                })
                .onFailure().invoke(failure -> {
                    if (failing.compareAndSet(false, true)) {
                        LOG.warnf("upkeep of the sending queue failed, autovacuum still runs; retrying every round: %s",
                                failure.getMessage());
                    }
                })
                .onFailure().recoverWithNull();
    }

    /**
     * Vacuums the queue when PostgreSQL counts at least {@code vacuum-at-dead-rows} dead rows in it. Skip-locked: when
     * another notify process is vacuuming it, this one has nothing to add.
     */
    private Uni<Void> vacuumIfDue() {
        return pool.query("select n_dead_tup from pg_stat_user_tables where relid = 'delivery_queue'::regclass")
                .execute()
                .map(rows -> rows.iterator().next().getLong(0))
                .flatMap(dead -> dead < vacuumAtDeadRows
                        ? Uni.createFrom().voidItem()
                        : pool.query("vacuum (skip_locked) delivery_queue").execute()
                                .invoke(() -> vacuums.increment())
                                .replaceWithVoid());
    }
}
