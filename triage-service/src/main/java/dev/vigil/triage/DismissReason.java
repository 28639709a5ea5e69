package dev.vigil.triage;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Why an operator judged an incident not worth the customer's attention. */
public enum DismissReason {
    NOISE, DUPLICATE, PLANNED_WORK, FALSE_POSITIVE, OTHER;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<DismissReason> fromWire(String value) {
        return Arrays.stream(values()).filter(r -> r.wireName().equals(value)).findFirst();
    }
}
