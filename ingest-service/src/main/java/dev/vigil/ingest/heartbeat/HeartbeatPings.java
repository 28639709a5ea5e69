package dev.vigil.ingest.heartbeat;

import dev.vigil.ingest.messaging.AlertPublisher;
import dev.vigil.ingest.store.HeartbeatStore;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Applies pings and staff changes to heartbeats, each in one transaction on the locked row: load, decide
 * ({@link HeartbeatPolicy}), publish the resolving alert and wait for the broker, save, commit. A failure anywhere
 * rolls the whole change back; the retried ping publishes the same event id.
 */
@ApplicationScoped
public class HeartbeatPings {
    private static final Supplier<Uni<Void>> COMMIT = () -> Uni.createFrom().voidItem();

    private final HeartbeatStore store;
    private final AlertPublisher publisher;

    public HeartbeatPings(HeartbeatStore store, AlertPublisher publisher) {
        this.store = store;
        this.publisher = publisher;
    }

    /** A ping of the tenant's heartbeat {@code name}, creating it on the first one. */
    public Uni<Heartbeat> ping(String tenant, String name, HeartbeatSchedule.Change change) {
        return ping(tenant, name, change, Instant.now(), COMMIT);
    }

    /**
     * @param beforeCommit runs after the resolving alert was acknowledged and the row written, just before the
     *                     commit; a failure there rolls the ping back as a crash at that point would (a test seam)
     */
    Uni<Heartbeat> ping(String tenant, String name, HeartbeatSchedule.Change change, Instant now,
            Supplier<Uni<Void>> beforeCommit) {
        Heartbeat fresh = HeartbeatPolicy.created(UUID.randomUUID(), tenant, name, change, now);
        return store.inTransaction(connection -> store.lock(connection, fresh).chain(current -> {
            HeartbeatPolicy.Ping ping = HeartbeatPolicy.pinged(current, change, now);
            Uni<Void> published = ping.resolved().isEmpty() ? Uni.createFrom().voidItem()
                    : publisher.publish(List.of(ping.resolved().get()))
                            .onFailure().transform(AlertsNotAcknowledgedException::new);
            return published.chain(() -> store.save(connection, ping.after())).chain(() -> beforeCommit.get())
                    .replaceWith(ping.after());
        }));
    }

    /** Staff set the schedule of the tenant's heartbeat {@code name}, creating it (new, never missed until pinged). */
    public Uni<Heartbeat> reschedule(String tenant, String name, HeartbeatSchedule.Change change) {
        Heartbeat fresh = HeartbeatPolicy.created(UUID.randomUUID(), tenant, name, change, Instant.now());
        return store.inTransaction(connection -> store.lock(connection, fresh).chain(current -> {
            Heartbeat after = HeartbeatPolicy.rescheduled(current, change);
            return store.save(connection, after).replaceWith(after);
        }));
    }
}
