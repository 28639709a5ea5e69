package dev.vigil.runbook;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What checking one area found: nothing wrong, the fault, a suspicion, or not looked at yet. */
public enum Finding {
    NOT_CHECKED,
    CLEAR,
    SUSPECT,
    FAULT;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<Finding> fromWire(String value) {
        return Arrays.stream(values()).filter(f -> f.wireName().equals(value)).findFirst();
    }
}
