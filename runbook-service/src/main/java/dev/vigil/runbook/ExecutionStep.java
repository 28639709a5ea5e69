package dev.vigil.runbook;

import java.time.Instant;

/**
 * An execution's copy of one runbook step, with its progress.
 *
 * @param definition the step as the runbook's version said it when the execution opened
 * @param startedBy  who started it last; null while pending
 * @param finishedBy who reported it done, skipped or failed
 * @param outcome    what {@code finishedBy} reported; a critical step awaiting verification becomes it once verified
 * @param note       the result observed, or why it was skipped or failed
 * @param answer     a decision step's answer, which names the step the execution goes on to
 * @param verifiedBy the second person who checked a critical step
 * @param approval   the customer's decision, for a step that needs it; null until they decide
 */
public record ExecutionStep(
        RunbookStep definition,
        StepStatus status,
        String startedBy,
        Instant startedAt,
        String finishedBy,
        Instant finishedAt,
        StepStatus outcome,
        String note,
        String answer,
        String verifiedBy,
        Instant verifiedAt,
        Approval approval) {

    /** A step as copied from the runbook, not yet started. */
    public static ExecutionStep pending(RunbookStep definition) {
        return new ExecutionStep(definition, StepStatus.PENDING, null, null, null, null, null, null, null, null, null,
                null);
    }

    public int position() {
        return definition.position();
    }

    public String title() {
        return definition.title();
    }

    public boolean critical() {
        return definition.critical();
    }

    ExecutionStep started(String by, Instant at) {
        return new ExecutionStep(definition, StepStatus.IN_PROGRESS, by, at, null, null, null, null, null, null, null,
                approval);
    }

    /** Reported {@code reported} by {@code by}; a critical step that is not failed waits for a second person. */
    ExecutionStep finished(StepStatus reported, String by, String why, String chosen, Instant at) {
        StepStatus now = critical() && reported != StepStatus.FAILED ? StepStatus.AWAITING_VERIFICATION : reported;
        return new ExecutionStep(definition, now, startedBy, startedAt, by, at, reported, why, chosen, null, null,
                approval);
    }

    ExecutionStep verified(String by, Instant at) {
        return new ExecutionStep(definition, outcome, startedBy, startedAt, finishedBy, finishedAt, outcome, note,
                answer, by, at, approval);
    }

    /** Passed over because a decision went on to a later step: the procedure's choice, so nobody verifies it. */
    ExecutionStep bypassed(String by, String why, Instant at) {
        return new ExecutionStep(definition, StepStatus.SKIPPED, null, null, by, at, StepStatus.SKIPPED, why, null,
                null, null, approval);
    }

    /** The customer's decision taken, the step otherwise as it is. */
    ExecutionStep decided(Approval decision) {
        return new ExecutionStep(definition, status, startedBy, startedAt, finishedBy, finishedAt, outcome, note,
                answer, verifiedBy, verifiedAt, decision);
    }

    /** Whether {@code person} carried out this step, and so may not be the one who verifies it. */
    boolean carriedOutBy(String person) {
        return person.equals(startedBy) || person.equals(finishedBy);
    }
}
