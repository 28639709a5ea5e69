package dev.vigil.runbook;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rules of walking an execution's steps, as pure functions. Steps are walked in order: one may start (or be
 * skipped) only when every step before it is done or skipped. A critical step reported done or skipped counts only
 * once a second person, neither the one who started it nor the one who reported it, verifies it. When the last
 * step is finished the execution completes. A decision step is reported done with one of its answers; once done
 * (verified, if critical) the steps between it and the step its answer names are passed over. Another step may
 * name the step it goes on to ({@code next}), where a decision's arm rejoins; once it is finished, the steps between
 * are passed over the same way.
 */
public final class StepWalk {
    private StepWalk() {
    }

    /**
     * What a step move changes.
     *
     * @param changed   the steps after the move: the one moved, then any it passed over
     * @param entries   what the timeline gains, in order
     * @param completed the execution, completed, when this move finished its last unfinished step
     */
    public record Walked(List<ExecutionStep> changed, List<TimelineEntry> entries, Optional<Execution> completed) {

        /** The step the move was made on. */
        public ExecutionStep step() {
            return changed.get(0);
        }
    }

    /**
     * {@code by} makes {@code move} on step {@code position} of the open {@code execution}.
     *
     * @param note   the result observed, or why the step is skipped or failed (required then), or null
     * @param answer a decision step's answer when it is reported done; null otherwise
     * @throws StepRefusedException when the procedure does not allow the move now
     * @throws StepInputException   when the answer does not fit the step
     * @throws UnknownStepException when the execution has no such step
     */
    public static Walked walk(Execution execution, List<ExecutionStep> steps, int position, StepMove move,
            String by, String note, String answer, Instant at) {
        ExecutionStep step = stepOf(execution, steps, position);
        if (move.needsReason() && (note == null || note.isBlank())) {
            throw new IllegalArgumentException(move.wireName() + " needs a reason");
        }
        requireFittingAnswer(step, move, answer);
        ExecutionStep moved = switch (move) {
            case START -> start(steps, step, by, at);
            case COMPLETE -> finish(step, StepStatus.DONE, by, note, answer, at);
            case SKIP -> skip(steps, step, by, note, at);
            case FAIL -> finish(step, StepStatus.FAILED, by, note, null, at);
            case VERIFY -> verify(step, by, at);
        };
        List<TimelineEntry> entries = new ArrayList<>();
        TimelineAction action = move == StepMove.VERIFY ? TimelineAction.STEP_VERIFIED
                : TimelineAction.of(moved.status());
        entries.add(TimelineEntry.of(at, by, action, position, note));
        List<ExecutionStep> changed = new ArrayList<>(List.of(moved));
        Optional<ExecutionStep> onTo = goesOnTo(steps, moved);
        if (onTo.isPresent()) {
            ExecutionStep target = onTo.get();
            String why = "Not taken: step " + moved.position() + " '" + moved.title() + "' "
                    + (moved.answer() != null ? "was answered '" + moved.answer() + "'"
                    : "goes on to step " + target.position());
            changed.addAll(passOver(steps, moved, target, by, why, at));
            entries.add(TimelineEntry.of(at, by, TimelineAction.BRANCHED, position, (moved.answer() != null
                    ? "answered '" + moved.answer() + "': " : "") + "on to step " + target.position()));
            changed.stream().skip(1).forEach(skipped -> entries.add(TimelineEntry.of(at, by,
                    TimelineAction.STEP_SKIPPED, skipped.position(), skipped.note())));
        }
        Optional<Execution> completed = Optional.empty();
        if (allFinishedWith(steps, changed)) {
            Execution closed = ExecutionPolicy.close(execution, ExecutionStatus.COMPLETED, by, null, at);
            entries.add(TimelineEntry.of(at, by, TimelineAction.COMPLETED, null, null));
            completed = Optional.of(closed);
        }
        return new Walked(changed, entries, completed);
    }

    /**
     * The customer {@code by} approves or rejects step {@code position}, which needs their approval and has not
     * started yet; they may change their mind until it starts.
     */
    public static Walked decide(Execution execution, List<ExecutionStep> steps, int position, boolean approved,
            String by, String note, Instant at) {
        ExecutionStep step = stepOf(execution, steps, position);
        if (!step.definition().customerApproval()) {
            throw new StepRefusedException("Step " + position + " '" + step.title() + "' does not need the"
                    + " customer's approval");
        }
        if (step.status() != StepStatus.PENDING) {
            throw new StepRefusedException(stateOf(step) + "; an approval is given before the step starts");
        }
        ExecutionStep decided = step.decided(new Approval(approved, by, at, note));
        TimelineEntry entry = TimelineEntry.of(at, by, approved ? TimelineAction.APPROVED : TimelineAction.REJECTED,
                position, note);
        return new Walked(List.of(decided), List.of(entry), Optional.empty());
    }

    /** Step {@code position} of an execution whose steps may still change. */
    private static ExecutionStep stepOf(Execution execution, List<ExecutionStep> steps, int position) {
        if (execution.status() != ExecutionStatus.OPEN) {
            throw new StepRefusedException("The execution is " + execution.status().wireName()
                    + "; its steps can no longer change");
        }
        if (position < 1 || position > steps.size()) {
            throw new UnknownStepException(position, steps.size());
        }
        return steps.get(position - 1);
    }

    private static void requireFittingAnswer(ExecutionStep step, StepMove move, String answer) {
        boolean decision = step.definition().kind() == StepKind.DECISION;
        if (decision && move == StepMove.COMPLETE && (answer == null || !step.definition().branches()
                .containsKey(answer))) {
            throw new StepInputException("answer", "must be one of the decision's answers: "
                    + String.join(", ", step.definition().branches().keySet()));
        }
        if (answer != null && !(decision && move == StepMove.COMPLETE)) {
            throw new StepInputException("answer", "is taken only when a decision step is reported done");
        }
    }

    /**
     * Where the procedure goes on to after {@code moved}, when not simply to the next step: a decision done with an
     * answer goes to the step the answer names; another step naming a {@code next} goes there once it is finished
     * (done or skipped, and verified if critical). The catalog only saves names of later steps.
     */
    private static Optional<ExecutionStep> goesOnTo(List<ExecutionStep> steps, ExecutionStep moved) {
        String name = null;
        if (moved.status() == StepStatus.DONE && moved.answer() != null) {
            name = moved.definition().branches().get(moved.answer());
        } else if (moved.status().finished() && moved.definition().next() != null) {
            name = moved.definition().next();
        }
        if (name == null) {
            return Optional.empty();
        }
        String wanted = name;
        return Optional.of(steps.stream().filter(s -> wanted.equals(s.definition().name())).findFirst()
                .orElseThrow(() -> new IllegalStateException("the runbook version has no step named " + wanted)));
    }

    /** The pending steps between {@code from} and {@code target}, passed over for {@code why}. */
    private static List<ExecutionStep> passOver(List<ExecutionStep> steps, ExecutionStep from, ExecutionStep target,
            String by, String why, Instant at) {
        return steps.subList(from.position(), target.position() - 1).stream()
                .filter(between -> between.status() == StepStatus.PENDING)
                .map(between -> between.bypassed(by, why, at))
                .toList();
    }

    private static ExecutionStep start(List<ExecutionStep> steps, ExecutionStep step, String by, Instant at) {
        if (step.status() != StepStatus.PENDING && step.status() != StepStatus.FAILED) {
            throw new StepRefusedException(stateOf(step) + ", so it cannot be started again");
        }
        requireEarlierFinished(steps, step);
        if (step.definition().customerApproval() && (step.approval() == null || !step.approval().approved())) {
            throw new StepRefusedException("Step " + step.position() + " '" + step.title() + "' needs the"
                    + " customer's approval before it starts: " + (step.approval() == null ? "they have not"
                    + " decided yet" : step.approval().by() + " rejected it (" + step.approval().note()
                    + "); skip it, saying why, or abandon the execution"));
        }
        return step.started(by, at);
    }

    private static ExecutionStep skip(List<ExecutionStep> steps, ExecutionStep step, String by, String why,
            Instant at) {
        if (step.status().finished() || step.status() == StepStatus.AWAITING_VERIFICATION) {
            throw new StepRefusedException(stateOf(step) + ", so it cannot be skipped");
        }
        requireEarlierFinished(steps, step);
        return step.finished(StepStatus.SKIPPED, by, why, null, at);
    }

    private static ExecutionStep finish(ExecutionStep step, StepStatus reported, String by, String note,
            String answer, Instant at) {
        if (step.status() != StepStatus.IN_PROGRESS) {
            throw new StepRefusedException(stateOf(step) + "; only a step in progress can be reported "
                    + (reported == StepStatus.DONE ? "done" : "failed") + (step.status() == StepStatus.PENDING
                    || step.status() == StepStatus.FAILED ? ": start it first" : ""));
        }
        return step.finished(reported, by, note, answer, at);
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

    private static boolean allFinishedWith(List<ExecutionStep> steps, List<ExecutionStep> changed) {
        return steps.stream().allMatch(s -> changed.stream().filter(c -> c.position() == s.position()).findFirst()
                .orElse(s).status().finished());
    }

    /** "Step 2 'Restart the web server' is awaiting-verification". */
    private static String stateOf(ExecutionStep step) {
        return "Step " + step.position() + " '" + step.title() + "' is " + step.status().wireName();
    }
}
