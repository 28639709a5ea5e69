package dev.vigil.triage;

import java.util.Locale;

public enum IncidentStatus {
    OPEN, RESOLVED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static IncidentStatus fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
