package dev.vigil.runbook;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a timeline entry records. */
public enum TimelineAction {
    OPENED,
    STEP_STARTED,
    STEP_DONE,
    STEP_SKIPPED,
    STEP_FAILED,
    /** A critical step reported done or skipped; it now waits for a second person. */
    VERIFICATION_REQUESTED,
    STEP_VERIFIED,
    /** A decision step's answer took the execution on to a later step; the steps between are skipped. */
    BRANCHED,
    /** The customer approved a step that needs their approval. */
    APPROVED,
    /** The customer rejected it: it does not start. */
    REJECTED,
    /** The isolation record changed: where the fault lies. */
    ISOLATION,
    NOTE,
    CORRECTION,
    COMPLETED,
    ABANDONED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<TimelineAction> fromWire(String value) {
        return Arrays.stream(values()).filter(a -> a.wireName().equals(value)).findFirst();
    }

    /** The entry for a step reaching {@code status}. */
    static TimelineAction of(StepStatus status) {
        return switch (status) {
            case IN_PROGRESS -> STEP_STARTED;
            case AWAITING_VERIFICATION -> VERIFICATION_REQUESTED;
            case DONE -> STEP_DONE;
            case SKIPPED -> STEP_SKIPPED;
            case FAILED -> STEP_FAILED;
            case PENDING -> throw new IllegalArgumentException("no step goes back to pending");
        };
    }
}
