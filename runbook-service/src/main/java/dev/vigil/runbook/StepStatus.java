package dev.vigil.runbook;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Where one execution step stands. A step goes {@code pending -> in-progress -> done | skipped | failed}; a critical
 * step waits in {@code awaiting-verification} between its executor's word and a second person's. A failed step may
 * be started again.
 */
public enum StepStatus {
    PENDING,
    IN_PROGRESS,
    AWAITING_VERIFICATION,
    DONE,
    SKIPPED,
    FAILED;

    /** Done or skipped: the execution may move past it. */
    public boolean finished() {
        return this == DONE || this == SKIPPED;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<StepStatus> fromWire(String value) {
        return Arrays.stream(values()).filter(s -> s.wireName().equals(value)).findFirst();
    }
}
