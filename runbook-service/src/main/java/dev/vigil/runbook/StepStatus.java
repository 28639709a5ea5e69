package dev.vigil.runbook;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where one execution step stands. Every copied step starts pending; sign-offs add the later states. */
public enum StepStatus {
    PENDING;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<StepStatus> fromWire(String value) {
        return Arrays.stream(values()).filter(s -> s.wireName().equals(value)).findFirst();
    }
}
