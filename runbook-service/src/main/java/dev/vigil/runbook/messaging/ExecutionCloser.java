package dev.vigil.runbook.messaging;

import dev.vigil.platform.outbox.Outbox;
import dev.vigil.platform.outbox.OutboxRelay;
import dev.vigil.platform.security.TenantScope;
import dev.vigil.runbook.Execution;
import dev.vigil.runbook.ExecutionPolicy;
import dev.vigil.runbook.ExecutionStatus;
import dev.vigil.runbook.store.ExecutionStore;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Ends executions, each in one transaction on the locked row: load, decide ({@link ExecutionPolicy}), save, and
 * append the event that tells triage the execution no longer runs to the outbox; the relay is woken after commit.
 * Concurrent closes of one execution queue on the lock, so only the first ends it and the others find it ended.
 */
@ApplicationScoped
public class ExecutionCloser {
    private final ExecutionStore executions;
    private final Outbox outbox;
    private final OutboxRelay relay;

    public ExecutionCloser(ExecutionStore executions, Outbox outbox, OutboxRelay relay) {
        this.executions = executions;
        this.outbox = outbox;
        this.relay = relay;
    }

    /**
     * Ends the execution {@code id} of a tenant in {@code scope} as {@code ending}; empty when there is no such
     * execution there.
     *
     * @throws dev.vigil.runbook.ExecutionNotOpenException (through the Uni) when it has ended already
     */
    public Uni<Optional<Execution>> close(TenantScope scope, UUID id, ExecutionStatus ending, String by,
            String note) {
        // PostgreSQL keeps microseconds: truncating here makes the answer and the event equal what a later read returns
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return executions.inTransaction(connection -> executions.lock(connection, scope, id).chain(found -> {
            if (found.isEmpty()) {
                return Uni.createFrom().item(Optional.<Execution>empty());
            }
            Execution closed = ExecutionPolicy.close(found.get(), ending, by, note, now);
            return executions.saveClosing(connection, closed)
                    .chain(() -> outbox.append(connection, List.of(ExecutionEvents.announcing(closed))))
                    .replaceWith(Optional.of(closed));
        })).invoke(closed -> closed.ifPresent(execution -> relay.wake()));
    }
}
