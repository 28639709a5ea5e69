package dev.vigil.platform.outbox;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Keeps the inbox and the outbox from growing without end: sent outbox rows and applied inbox ids older than
 * their retention are deleted hourly. Safe on every replica at once: the deletes are idempotent.
 */
@ApplicationScoped
@IfBuildProperty(name = "vigil.pipeline.enabled", stringValue = "true")
public class Retention {
    private final Pool pool;
    private final OutboxConfig config;

    public Retention(Pool pool, OutboxConfig config) {
        this.pool = pool;
        this.config = config;
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public Uni<Void> purge() {
        return pool.preparedQuery("delete from outbox where sent_at < now() - make_interval(secs => $1)")
                .execute(Tuple.of((double) config.sentRetention().toSeconds()))
                .chain(() -> pool.preparedQuery("delete from inbox where applied_at < now() - make_interval(secs => $1)")
                        .execute(Tuple.of((double) config.inboxRetention().toSeconds())))
                .replaceWithVoid();
    }
}
