package dev.vigil.notify;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

public enum DeliveryStatus {
    /** waiting for its first or next attempt, or being attempted. */
    PENDING,
    /** the endpoint answered 2xx. */
    DELIVERED,
    /** given up after the last attempt, or the endpoint cannot be sent to. */
    FAILED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DeliveryStatus fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
