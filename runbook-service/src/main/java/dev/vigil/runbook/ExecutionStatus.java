package dev.vigil.runbook;

import dev.vigil.contracts.ExecutionChange;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Where an execution stands: {@code open} while operators work through it, then {@code completed} or
 * {@code abandoned} for good.
 */
public enum ExecutionStatus {
    OPEN(ExecutionChange.OPENED),
    COMPLETED(ExecutionChange.COMPLETED),
    ABANDONED(ExecutionChange.ABANDONED);

    private final ExecutionChange entered;

    ExecutionStatus(ExecutionChange entered) {
        this.entered = entered;
    }

    /** The change that puts an execution in this state, which its event announces. */
    public ExecutionChange entered() {
        return entered;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ExecutionStatus> fromWire(String value) {
        return Arrays.stream(values()).filter(s -> s.wireName().equals(value)).findFirst();
    }
}
