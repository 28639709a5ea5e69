package dev.vigil.runbook.messaging;

import dev.vigil.platform.outbox.Outbox;
import dev.vigil.platform.outbox.OutboxEntry;
import dev.vigil.platform.outbox.OutboxRelay;
import dev.vigil.platform.security.TenantScope;
import dev.vigil.runbook.CustomerProgress;
import dev.vigil.runbook.Execution;
import dev.vigil.runbook.ExecutionPolicy;
import dev.vigil.runbook.ExecutionStatus;
import dev.vigil.runbook.Isolation;
import dev.vigil.runbook.IsolationArea;
import dev.vigil.runbook.StepMove;
import dev.vigil.runbook.TimelineCorrectionException;
import dev.vigil.runbook.StepWalk;
import dev.vigil.runbook.TimelineAction;
import dev.vigil.runbook.TimelineEntry;
import dev.vigil.runbook.store.ExecutionStore;
import dev.vigil.runbook.store.NewExecution;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * What people do to executions, each change in one transaction on the locked execution row: load, decide
 * ({@link StepWalk}, {@link ExecutionPolicy}), save, append to the timeline, and, when the execution ends, append the
 * event that tells triage to the outbox; the relay is woken after commit. Concurrent changes of one execution queue
 * on the lock, so each decides on what the one before it wrote.
 */
@ApplicationScoped
public class ExecutionChanges {
    private final ExecutionStore executions;
    private final Outbox outbox;
    private final OutboxRelay relay;

    public ExecutionChanges(ExecutionStore executions, Outbox outbox, OutboxRelay relay) {
        this.executions = executions;
        this.outbox = outbox;
        this.relay = relay;
    }

    /**
     * {@code by} makes {@code move} on step {@code position} of the execution {@code id} of a tenant in
     * {@code scope}; empty when there is no such execution there. The last step finished completes the execution.
     *
     * @throws dev.vigil.runbook.StepRefusedException (through the Uni) when the procedure does not allow the move
     */
    public Uni<Optional<Execution>> walk(TenantScope scope, UUID id, int position, StepMove move, String by,
            String note, String answer) {
        return change(scope, id, (connection, execution) -> executions.steps(connection, id).chain(steps -> {
            Instant now = now();
            StepWalk.Walked walked = StepWalk.walk(execution, steps, position, move, by, note, answer, now);
            List<OutboxEntry> told = CustomerProgress.of(steps, walked.changed()).stream()
                    .map(progress -> ExecutionEvents.progress(execution, progress, now)).toList();
            Uni<Void> saved = executions.saveSteps(connection, id, walked.changed())
                    .chain(() -> executions.append(connection, execution, walked.entries()))
                    .chain(() -> outbox.append(connection, told));
            if (walked.completed().isEmpty()) {
                return saved.replaceWith(new Walk(execution, !told.isEmpty()));
            }
            Execution completed = walked.completed().get();
            return saved.chain(() -> ended(connection, completed)).replaceWith(new Walk(completed, true));
        })).invoke(walk -> walk.filter(Walk::announced).ifPresent(announced -> relay.wake()))
                .map(walk -> walk.map(Walk::execution));
    }

    /**
     * {@code by} opens {@code execution} by hand, announcing it as the service announces those a confirmation
     * opens; empty when the incident has an execution of that runbook already.
     */
    public Uni<Optional<Execution>> openByHand(NewExecution execution, String by) {
        return executions.inTransaction(connection -> executions.open(connection, List.of(execution), by)
                        .chain(opened -> opened.isEmpty() ? Uni.createFrom().item(Optional.<Execution>empty())
                                : outbox.append(connection, List.of(ExecutionEvents.announcing(opened.get(0), by)))
                                        .replaceWith(Optional.of(opened.get(0)))))
                .invoke(opened -> opened.ifPresent(started -> relay.wake()));
    }

    /**
     * The customer {@code by} approves or rejects step {@code position} of the execution {@code id} of a tenant in
     * {@code scope}; empty when there is no such execution there.
     */
    public Uni<Optional<Execution>> decide(TenantScope scope, UUID id, int position, boolean approved, String by,
            String note) {
        return change(scope, id, (connection, execution) -> executions.steps(connection, id).chain(steps -> {
            StepWalk.Walked decided = StepWalk.decide(execution, steps, position, approved, by, note, now());
            return executions.saveSteps(connection, id, decided.changed())
                    .chain(() -> executions.append(connection, execution, decided.entries()))
                    .replaceWith(execution);
        }));
    }

    /**
     * {@code by} records findings in the isolation record of the execution {@code id} of a tenant in {@code scope};
     * the areas not given keep theirs. Empty when there is no such execution there.
     */
    public Uni<Optional<Isolation>> isolate(TenantScope scope, UUID id, Map<IsolationArea, Isolation.Checked> found,
            String by) {
        return change(scope, id, (connection, execution) -> executions.isolation(connection, id).chain(before -> {
            Isolation.Change change = before.record(found, by, now());
            return executions.saveIsolation(connection, id, change.after())
                    .chain(() -> executions.append(connection, execution, change.entries()))
                    .replaceWith(change.after());
        }));
    }

    /**
     * Abandons the execution {@code id} of a tenant in {@code scope}, for {@code reason}; empty when there is no
     * such execution there.
     *
     * @throws dev.vigil.runbook.ExecutionNotOpenException (through the Uni) when it has ended already
     */
    public Uni<Optional<Execution>> abandon(TenantScope scope, UUID id, String by, String reason) {
        return change(scope, id, (connection, execution) -> {
            Instant now = now();
            Execution abandoned = ExecutionPolicy.close(execution, ExecutionStatus.ABANDONED, by, reason, now);
            return executions.append(connection, abandoned,
                            List.of(TimelineEntry.of(now, by, TimelineAction.ABANDONED, null, reason)))
                    .chain(() -> ended(connection, abandoned))
                    .replaceWith(abandoned);
        }).invoke(this::wakeRelayIfEnded);
    }

    /**
     * {@code by} adds a note to the timeline, or corrects entry {@code corrects} of it; also once the execution
     * has ended. Returns the entry as stored, or empty when there is no such execution in {@code scope}.
     */
    public Uni<Optional<TimelineEntry>> note(TenantScope scope, UUID id, String by, String note, Integer corrects) {
        return change(scope, id, (connection, execution) -> executions.timelineLength(connection, id)
                .chain(length -> {
                    if (corrects != null && corrects > length) {
                        throw new TimelineCorrectionException(corrects, length);
                    }
                    TimelineEntry entry = corrects == null
                            ? TimelineEntry.of(now(), by, TimelineAction.NOTE, null, note)
                            : TimelineEntry.correcting(now(), by, note, corrects);
                    return executions.append(connection, execution, List.of(entry))
                            .replaceWith(entry.numbered(length + 1));
                }));
    }

    /** An execution after a step move, and whether the move put an event in the outbox. */
    private record Walk(Execution execution, boolean announced) {
    }

    /** Runs {@code work} on the execution, locked in a transaction; empty when it is not in {@code scope}. */
    private <T> Uni<Optional<T>> change(TenantScope scope, UUID id,
            BiFunction<SqlConnection, Execution, Uni<T>> work) {
        return executions.inTransaction(connection -> executions.lock(connection, scope, id).chain(found -> found
                .map(execution -> work.apply(connection, execution).map(Optional::of))
                .orElseGet(() -> Uni.createFrom().item(Optional.empty()))));
    }

    /** After commit, an ending's event is in the outbox: the relay sends it now rather than at its next poll. */
    private void wakeRelayIfEnded(Optional<Execution> changed) {
        if (changed.filter(execution -> execution.status() != ExecutionStatus.OPEN).isPresent()) {
            relay.wake();
        }
    }

    /** Saves the ending and announces it. */
    private Uni<Void> ended(SqlConnection connection, Execution ended) {
        return executions.saveClosing(connection, ended)
                .chain(() -> outbox.append(connection, List.of(ExecutionEvents.announcing(ended))));
    }

    /** PostgreSQL keeps microseconds: truncating makes answers and events equal what a later read returns. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
