package dev.vigil.runbook;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a step asks of the person on shift: to {@code check} something, to take an {@code action}, to
 * {@code contact-customer}, or to make a {@code decision} that picks the step to go on to.
 */
public enum StepKind {
    CHECK,
    ACTION,
    CONTACT_CUSTOMER,
    DECISION;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @JsonCreator
    public static StepKind ofWire(String value) {
        return fromWire(value).orElseThrow(() -> new IllegalArgumentException("not a step kind: " + value));
    }

    public static Optional<StepKind> fromWire(String value) {
        return Arrays.stream(values()).filter(k -> k.wireName().equals(value)).findFirst();
    }
}
