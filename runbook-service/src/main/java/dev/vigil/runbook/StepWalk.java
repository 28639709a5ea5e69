package dev.vigil.runbook;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rules of walking an execution's steps, as pure functions. Steps are walked in order: one may start (or be
 * skipped) only when every step before it is done or skipped. A critical step reported done or skipped counts only
 * once a second person, neither the one who started it nor the one who reported it, verifies it. When the last
 * step is finished the execution completes.
 */
public final class StepWalk {
    private StepWalk() {
    }

    /**
     * What a step move changes.
     *
     * @param step      the step after the move
     * @param entries   what the timeline gains, in order
     * @param completed the execution, completed, when this move finished its last unfinished step
     */
    public record Walked(ExecutionStep step, List<TimelineEntry> entries, Optional<Execution> completed) {
    }

    /**
     * {@code by} makes {@code move} on step {@code position} of the open {@code execution}.
     *
     * @param note the result observed, or why the step is skipped or failed (required then), or null
     * @throws StepRefusedException when the procedure does not allow the move now
     * @throws UnknownStepException when the execution has no such step
     */
    public static Walked walk(Execution execution, List<ExecutionStep> steps, int position, StepMove move,
            String by, String note, Instant at) {
        if (execution.status() != ExecutionStatus.OPEN) {
            throw new StepRefusedException("The execution is " + execution.status().wireName()
                    + "; its steps can no longer change");
        }
        if (position < 1 || position > steps.size()) {
            throw new UnknownStepException(position, steps.size());
        }
        if (move.needsReason() && (note == null || note.isBlank())) {
            throw new IllegalArgumentException(move.wireName() + " needs a reason");
        }
        ExecutionStep step = steps.get(position - 1);
        ExecutionStep moved = switch (move) {
            case START -> start(steps, step, by, at);
            case COMPLETE -> finish(step, StepStatus.DONE, by, note, at);
            case SKIP -> skip(steps, step, by, note, at);
            case FAIL -> finish(step, StepStatus.FAILED, by, note, at);
            case VERIFY -> verify(step, by, at);
        };
        List<TimelineEntry> entries = new ArrayList<>();
        TimelineAction action = move == StepMove.VERIFY ? TimelineAction.STEP_VERIFIED
                : TimelineAction.of(moved.status());
        entries.add(TimelineEntry.of(at, by, action, position, note));
        Optional<Execution> completed = Optional.empty();
        if (allFinishedWith(steps, moved)) {
            Execution closed = ExecutionPolicy.close(execution, ExecutionStatus.COMPLETED, by, null, at);
            entries.add(TimelineEntry.of(at, by, TimelineAction.COMPLETED, null, null));
            completed = Optional.of(closed);
        }
        return new Walked(moved, entries, completed);
    }

    private static ExecutionStep start(List<ExecutionStep> steps, ExecutionStep step, String by, Instant at) {
        if (step.status() != StepStatus.PENDING && step.status() != StepStatus.FAILED) {
            throw new StepRefusedException(stateOf(step) + ", so it cannot be started again");
        }
        requireEarlierFinished(steps, step);
        return step.started(by, at);
    }

    private static ExecutionStep skip(List<ExecutionStep> steps, ExecutionStep step, String by, String why,
            Instant at) {
        if (step.status().finished() || step.status() == StepStatus.AWAITING_VERIFICATION) {
            throw new StepRefusedException(stateOf(step) + ", so it cannot be skipped");
        }
        requireEarlierFinished(steps, step);
        return step.finished(StepStatus.SKIPPED, by, why, at);
    }

    private static ExecutionStep finish(ExecutionStep step, StepStatus reported, String by, String note, Instant at) {
        if (step.status() != StepStatus.IN_PROGRESS) {
            throw new StepRefusedException(stateOf(step) + "; only a step in progress can be reported "
                    + (reported == StepStatus.DONE ? "done" : "failed") + (step.status() == StepStatus.PENDING
                    || step.status() == StepStatus.FAILED ? ": start it first" : ""));
        }
        return step.finished(reported, by, note, at);
    }

    private static ExecutionStep verify(ExecutionStep step, String by, Instant at) {
        if (step.status() != StepStatus.AWAITING_VERIFICATION) {
            throw new StepRefusedException(stateOf(step) + "; only a critical step reported done or skipped"
                    + " awaits verification");
        }
        if (step.carriedOutBy(by)) {
            throw new StepRefusedException("Step " + step.position() + " is critical and needs a second person: "
                    + by + " carried it out, so someone else must verify it");
        }
        return step.verified(by, at);
    }

    private static void requireEarlierFinished(List<ExecutionStep> steps, ExecutionStep step) {
        for (ExecutionStep earlier : steps.subList(0, step.position() - 1)) {
            if (!earlier.status().finished()) {
                throw new StepRefusedException("Steps are walked in order, and step " + earlier.position() + " '"
                        + earlier.title() + "' is " + earlier.status().wireName() + ": it must be done or skipped"
                        + " before step " + step.position());
            }
        }
    }

    private static boolean allFinishedWith(List<ExecutionStep> steps, ExecutionStep moved) {
        return moved.status().finished() && steps.stream()
                .allMatch(s -> s.position() == moved.position() || s.status().finished());
    }

    /** "Step 2 'Restart the web server' is awaiting-verification". */
    private static String stateOf(ExecutionStep step) {
        return "Step " + step.position() + " '" + step.title() + "' is " + step.status().wireName();
    }
}
