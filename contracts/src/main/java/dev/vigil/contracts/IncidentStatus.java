package dev.vigil.contracts;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Where an incident stands in its life: {@code open} until a person (or the tenant's policy) decides, then
 * {@code confirmed} or {@code dismissed}; {@code recovering} while its alerts are resolved but a runbook execution
 * still runs; {@code resolved} at the end.
 */
public enum IncidentStatus {
    OPEN, ACKNOWLEDGED, CONFIRMED, DISMISSED, RECOVERING, RESOLVED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<IncidentStatus> fromWire(String value) {
        return Arrays.stream(values()).filter(s -> s.wireName().equals(value)).findFirst();
    }

    /** Nobody has decided yet whether it is a real failure. */
    public boolean isUndecided() {
        return this == OPEN || this == ACKNOWLEDGED;
    }

    /** Still collecting its alerts: every state but resolved. */
    public boolean isLive() {
        return this != RESOLVED;
    }
}
