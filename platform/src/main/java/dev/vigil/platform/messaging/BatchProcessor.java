package dev.vigil.platform.messaging;

import dev.vigil.contracts.ConsumedEvent;
import dev.vigil.platform.inbox.Inbox;
import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * The shape every consumer shares. A batch is decoded (undecodable records are parked), then applied in one
 * transaction that claims its event ids in the inbox, so a redelivered event changes nothing.
 * <ul>
 * <li>A failure that says nothing about the records (the database is away) is retried with capped backoff for
 * as long as it takes. Until then the batch is not acknowledged, so the connector pauses its partitions and
 * the broker holds the backlog; the service reports itself not ready ({@link ConsumerHealth}).</li>
 * <li>A failure a record causes is narrowed down by applying each half of the batch on its own, recursively,
 * until the failing records stand alone: only they are parked, and every other record is applied, in order.</li>
 * </ul>
 * The processor itself never fails, so the channel's failure strategy is only a guard against a bug here.
 */
@ApplicationScoped
@IfBuildProperty(name = "vigil.pipeline.enabled", stringValue = "true")
public class BatchProcessor {
    private static final Logger LOG = Logger.getLogger(BatchProcessor.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final Pool pool;
    private final Inbox inbox;
    private final DeadLetters deadLetters;
    private final ConsumerHealth health;

    public BatchProcessor(Pool pool, Inbox inbox, DeadLetters deadLetters, ConsumerHealth health) {
        this.pool = pool;
        this.inbox = inbox;
        this.deadLetters = deadLetters;
        this.health = health;
    }

    public <T extends ConsumedEvent> Uni<Void> process(Iterable<ConsumerRecord<String, String>> records,
            EventHandler<T> handler) {
        EventBatch<T> batch = EventBatch.decode(records, handler.subscription().eventType(),
                handler.subscription().ceTypes(), handler.subscription().passedOver());
        // poison is parked after the rest is applied: a crash in between redelivers both, and both land again
        return applyNarrowing(batch.events(), handler).chain(() -> deadLetters.parkAll(batch.poison()));
    }

    private <T extends ConsumedEvent> Uni<Void> applyNarrowing(List<EventBatch.Received<T>> events,
            EventHandler<T> handler) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return applyUntilDone(events, handler).onFailure().recoverWithUni(failure -> {
            if (events.size() == 1) {
                EventBatch.Received<T> guilty = events.get(0);
                return deadLetters.park(guilty.record(), ApplyFailure.cause(failure), ApplyFailure.describe(failure));
            }
            LOG.warnf("%s: a batch of %d records failed (%s); applying its halves apart to find the record",
                    handler.subscription().channel(), events.size(), ApplyFailure.describe(failure));
            int half = events.size() / 2;
            return applyNarrowing(events.subList(0, half), handler)
                    .chain(() -> applyNarrowing(events.subList(half, events.size()), handler));
        });
    }

    /** Applies the events in one transaction, retrying transient failures; fails only for one a record caused. */
    private <T extends ConsumedEvent> Uni<Void> applyUntilDone(List<EventBatch.Received<T>> events,
            EventHandler<T> handler) {
        Map<UUID, T> byId = new LinkedHashMap<>();
        events.forEach(received -> byId.put(received.id(), received.event()));
        return Uni.createFrom().deferred(() -> pool.withTransaction(connection -> inbox.claim(connection, byId.keySet())
                        .call(fresh -> handler.apply(connection, only(byId, fresh)))))
                .onFailure(ApplyFailure::isTransient).invoke(f -> health.retrying(handler.subscription().channel(), events.size(), f))
                .onFailure(ApplyFailure::isTransient).retry().withBackOff(FIRST_BACKOFF, MAX_BACKOFF)
                .atMost(Long.MAX_VALUE)
                .invoke(fresh -> {
                    health.applied(handler.subscription().channel());
                    health.redelivered(handler.subscription().channel(), byId.size() - fresh.size());
                    handler.committed(only(byId, fresh).values());
                })
                .replaceWithVoid();
    }

    private static <T> Map<UUID, T> only(Map<UUID, T> events, Set<UUID> ids) {
        Map<UUID, T> kept = new LinkedHashMap<>(events);
        kept.keySet().retainAll(ids);
        return kept;
    }
}
