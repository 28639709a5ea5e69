package dev.vigil.runbook;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The layers a fault is isolated to, from the metal up. */
public enum IsolationArea {
    HARDWARE,
    OS,
    MIDDLEWARE,
    APPLICATION,
    NETWORK;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<IsolationArea> fromWire(String value) {
        return Arrays.stream(values()).filter(a -> a.wireName().equals(value)).findFirst();
    }
}
