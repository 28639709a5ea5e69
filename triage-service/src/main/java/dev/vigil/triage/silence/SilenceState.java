package dev.vigil.triage.silence;

import java.util.Arrays;
import java.util.Optional;

/** Where a silence stands at a moment: not begun, silencing, or over. */
public enum SilenceState {
    PENDING, ACTIVE, EXPIRED;

    public String wireName() {
        return name().toLowerCase();
    }

    public static Optional<SilenceState> fromWire(String name) {
        return Arrays.stream(values()).filter(state -> state.wireName().equals(name)).findFirst();
    }
}
