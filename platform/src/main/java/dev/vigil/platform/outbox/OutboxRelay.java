package dev.vigil.platform.outbox;

import dev.vigil.contracts.Channels;
import dev.vigil.platform.messaging.CloudEvents;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

/**
 * Publishes outbox rows to Kafka after their transaction committed, in outbox order, then marks them sent.
 * Only one relay per service sends at a time (a transaction-scoped advisory lock), which keeps per-key order
 * across replicas. Services {@link #wake()} it right after commit; a slow poll is the safety net for wakes
 * lost to crashes or to another replica holding the lock.
 */
@ApplicationScoped
@IfBuildProperty(name = "vigil.pipeline.enabled", stringValue = "true")
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final int LOCK_BUSY = -1;
    private static final long LOCK_BUSY_RETRY_MS = 50;

    private final Pool pool;
    private final MutinyEmitter<String> emitter;
    private final Vertx vertx;
    private final OutboxConfig config;
    private final String service;
    private final long lockKey;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean wanted = new AtomicBoolean();
    private volatile boolean stopping;

    public OutboxRelay(Pool pool, @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 10_000) @Channel(Channels.OUTBOX) MutinyEmitter<String> emitter, Vertx vertx,
            OutboxConfig config, @ConfigProperty(name = "quarkus.application.name") String service) {
        this.pool = pool;
        this.emitter = emitter;
        this.vertx = vertx;
        this.config = config;
        this.service = service;
        this.lockKey = lockKey(service);
    }

    /** The advisory lock a relay round holds; whoever holds it keeps every relay of the service idle. */
    public static long lockKey(String service) {
        return ("vigil.outbox." + service).hashCode();
    }

    /** Asks for a relay round soon; calls while a round runs coalesce into one more round. */
    public void wake() {
        if (stopping) {
            return;
        }
        wanted.set(true);
        if (running.compareAndSet(false, true)) {
            drain();
        }
    }

    /** Rows left unsent at shutdown are sent by the next relay to start; no round should race the pool closing. */
    void stop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    /** Delayed so the first round does not run before messaging has connected the outbox channel. */
    @Scheduled(every = "${vigil.outbox.poll-interval:1s}", delayed = "3s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        wake();
    }

    private void drain() {
        wanted.set(false);
        relayRound().subscribe().with(sent -> {
            if (sent == LOCK_BUSY) {
                vertx.setTimer(LOCK_BUSY_RETRY_MS, id -> finishRound(true));
            } else {
                finishRound(sent >= config.batchSize());
            }
        }, failure -> {
            LOG.warnf("outbox relay round failed, will retry: %s", failure.getMessage());
            finishRound(false);
        });
    }

    private void finishRound(boolean more) {
        if (more || wanted.get()) {
            drain();
            return;
        }
        running.set(false);
        // a wake that raced with the end of the round must not be lost
        if (wanted.get() && running.compareAndSet(false, true)) {
            drain();
        }
    }

    private Uni<Integer> relayRound() {
        return pool.withTransaction(connection -> connection
                .preparedQuery("select pg_try_advisory_xact_lock($1)").execute(Tuple.of(lockKey))
                .chain(rows -> rows.iterator().next().getBoolean(0)
                        ? sendUnsent(connection)
                        : Uni.createFrom().item(LOCK_BUSY)));
    }

    private Uni<Integer> sendUnsent(SqlConnection connection) {
        return connection.preparedQuery("""
                select id, event_id, topic, record_key, event_type, tenant, payload
                from outbox where sent_at is null order by id limit $1""")
                .execute(Tuple.of(config.batchSize()))
                .chain(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().item(0);
                    }
                    List<Long> ids = new ArrayList<>(rows.size());
                    List<Uni<Void>> sends = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        ids.add(row.getLong("id"));
                        sends.add(emitter.sendMessage(CloudEvents.message(service, row.getUUID("event_id"),
                                row.getString("event_type"), row.getString("tenant"), row.getString("topic"),
                                row.getString("record_key"), row.getString("payload"))));
                    }
                    return Uni.join().all(sends).andFailFast()
                            .chain(() -> connection.preparedQuery("update outbox set sent_at = now() where id = any($1)")
                                    .execute(Tuple.of(ids.toArray(Long[]::new))))
                            .replaceWith(ids.size());
                });
    }

    /** Events written but not yet published, for diagnostics and tests. */
    public Uni<Long> pending() {
        return pool.query("select count(*) from outbox where sent_at is null").execute()
                .map(rows -> rows.iterator().next().getLong(0));
    }

}
