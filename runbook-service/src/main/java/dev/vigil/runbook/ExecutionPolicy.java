package dev.vigil.runbook;

import java.time.Instant;

/**
 * How an execution ends, as a pure function over it: completed when its last step is finished ({@link StepWalk}),
 * or abandoned by an operator with a reason.
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
