package dev.vigil.notify.dispatch;

import dev.vigil.notify.store.DeliveryStore;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Records finished deliveries a group at a time: while one transaction commits, the deliveries that finish meanwhile
 * wait and go together in the next. At a thousand deliveries a second one commit each was what limited notify (each
 * waits for the WAL to reach disk); grouped, a busy dispatcher commits a few dozen times a second, and a quiet one
 * still records each delivery at once.
 */
@ApplicationScoped
public class FinishWriter {
    private static final int MOST_PER_TRANSACTION = 500;

    private final DeliveryStore store;
    private final Queue<Waiting> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean writing = new AtomicBoolean();

    private record Waiting(DeliveryStore.Finish finish, UniEmitter<? super DeliveryStore.Recorded> recorded) {
    }

    public FinishWriter(DeliveryStore store) {
        this.store = store;
    }

    /** Completes once the group holding it committed, with what was recorded; fails with the transaction. */
    public Uni<DeliveryStore.Recorded> finish(DeliveryStore.Finish finish) {
        return Uni.createFrom().emitter(recorded -> {
            waiting.add(new Waiting(finish, recorded));
            writeIfIdle();
        });
    }

    private void writeIfIdle() {
        if (!waiting.isEmpty() && writing.compareAndSet(false, true)) {
            write();
        }
    }

    private void write() {
        List<Waiting> group = new ArrayList<>();
        for (Waiting next; group.size() < MOST_PER_TRANSACTION && (next = waiting.poll()) != null; ) {
            group.add(next);
        }
        if (group.isEmpty()) {
            written();
            return;
        }
        store.finish(group.stream().map(Waiting::finish).toList()).subscribe().with(finished -> {
            group.forEach(one -> one.recorded().complete(finished.get(one.finish().delivery().id())));
            written();
        }, failure -> {
            group.forEach(one -> one.recorded().fail(failure));
            written();
        });
    }

    /** A finish added while the last group was written must not wait for the next one to come. */
    private void written() {
        writing.set(false);
        writeIfIdle();
    }
}
