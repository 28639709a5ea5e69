package dev.vigil.runbook;

import java.time.Instant;

/**
 * What may happen to an execution, as pure functions over it. Steps are not yet walked one by one: a later issue
 * adds step-by-step work and four-eyes verification of critical steps, and will make the last step complete the
 * execution. For now an operator closes the execution as a whole.
 */
public final class ExecutionPolicy {
    private ExecutionPolicy() {
    }

    /**
     * The open execution, ended as {@code ending} by {@code by}. Ending is final: an execution that is completed
     * or abandoned is refused, so however often a close is sent, or by how many operators at once, the execution
     * ends once.
     *
     * @param ending {@link ExecutionStatus#COMPLETED} or {@link ExecutionStatus#ABANDONED}
     * @param note   the closing note (may be null), or the reason it was abandoned
     * @throws ExecutionNotOpenException when it is not open
     */
    public static Execution close(Execution execution, ExecutionStatus ending, String by, String note, Instant at) {
        if (ending == ExecutionStatus.OPEN) {
            throw new IllegalArgumentException("closing an execution needs an ending state, not open");
        }
        if (execution.status() != ExecutionStatus.OPEN) {
            throw new ExecutionNotOpenException(execution.status(), ending);
        }
        return execution.closed(ending, by, note, at);
    }
}
