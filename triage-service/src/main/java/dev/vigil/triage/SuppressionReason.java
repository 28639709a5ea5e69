package dev.vigil.triage;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Why a firing alert is in no incident. */
public enum SuppressionReason {
    /** A silence matches it; its reference is the silence's id. */
    SILENCE,
    /** A maintenance window covers it; its reference is the window's id. */
    MAINTENANCE,
    /** A firing alert of the same resource (by default a host that is down) makes it redundant; its reference is
     * that alert's fingerprint, and the alert's incident is linked. */
    INHIBITED,
    /** It has not fired long or often enough for its threshold; its reference is the threshold's name. */
    THRESHOLD,
    /** It flaps and has not fired long or often enough to be raised; its reference is the threshold's name. */
    FLAPPING;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<SuppressionReason> fromWire(String value) {
        return Arrays.stream(values()).filter(reason -> reason.wireName().equals(value)).findFirst();
    }
}
