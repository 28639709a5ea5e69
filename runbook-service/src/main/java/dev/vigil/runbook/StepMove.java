package dev.vigil.runbook;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a person does to a step: {@code POST /v1/executions/{id}/steps/{n}/<move>}. */
public enum StepMove {
    START,
    COMPLETE,
    SKIP,
    FAIL,
    VERIFY;

    /** Skipping and failing say why; the others may carry a note. */
    public boolean needsReason() {
        return this == SKIP || this == FAIL;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<StepMove> fromWire(String value) {
        return Arrays.stream(values()).filter(m -> m.wireName().equals(value)).findFirst();
    }
}
