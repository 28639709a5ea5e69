package dev.vigil.runbook;

import java.time.Instant;

/**
 * An execution's copy of one runbook step, with its progress.
 *
 * @param startedBy  who started it last; null while pending
 * @param finishedBy who reported it done, skipped or failed
 * @param outcome    what {@code finishedBy} reported; a critical step awaiting verification becomes it once verified
 * @param note       the result observed, or why it was skipped or failed
 * @param verifiedBy the second person who checked a critical step
 */
public record ExecutionStep(
        int position,
        String title,
        String instructions,
        boolean critical,
        StepStatus status,
        String startedBy,
        Instant startedAt,
        String finishedBy,
        Instant finishedAt,
        StepStatus outcome,
        String note,
        String verifiedBy,
        Instant verifiedAt) {

    /** A step as copied from the runbook, not yet started. */
    public static ExecutionStep pending(int position, String title, String instructions, boolean critical) {
        return new ExecutionStep(position, title, instructions, critical, StepStatus.PENDING, null, null, null, null,
                null, null, null, null);
    }

    ExecutionStep started(String by, Instant at) {
        return new ExecutionStep(position, title, instructions, critical, StepStatus.IN_PROGRESS, by, at, null, null,
                null, null, null, null);
    }

    /** Reported {@code reported} by {@code by}; a critical step that is not failed waits for a second person. */
    ExecutionStep finished(StepStatus reported, String by, String why, Instant at) {
        StepStatus now = critical && reported != StepStatus.FAILED ? StepStatus.AWAITING_VERIFICATION : reported;
        return new ExecutionStep(position, title, instructions, critical, now, startedBy, startedAt, by, at, reported,
                why, null, null);
    }

    ExecutionStep verified(String by, Instant at) {
        return new ExecutionStep(position, title, instructions, critical, outcome, startedBy, startedAt, finishedBy,
                finishedAt, outcome, note, by, at);
    }

    /** Whether {@code person} carried out this step, and so may not be the one who verifies it. */
    boolean carriedOutBy(String person) {
        return person.equals(startedBy) || person.equals(finishedBy);
    }
}
