package dev.vigil.runbook;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where an execution stands. This slice only opens executions; walking and closing them add their states. */
public enum ExecutionStatus {
    OPEN;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ExecutionStatus> fromWire(String value) {
        return Arrays.stream(values()).filter(s -> s.wireName().equals(value)).findFirst();
    }
}
