package dev.vigil.triage.api;

import dev.vigil.platform.problem.Problem;
import dev.vigil.platform.validation.StorableInstant;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Reads the text fields of the silence and window bodies, adding a {@link Problem.FieldError} naming the field for
 * each one that is wrong, so that one answer lists every mistake. Each returns null for a field it refused.
 */
final class RequestFields {
    static final String INSTANT_RULE = "must be an ISO-8601 instant such as 2026-03-29T01:00:00Z";

    private RequestFields() {
    }

    /** An instant, cut to the microseconds PostgreSQL keeps, so what the caller reads back is what was stored. */
    static Instant instant(String field, String raw, List<Problem.FieldError> errors) {
        try {
            Instant at = Instant.parse(raw.strip()).truncatedTo(ChronoUnit.MICROS);
            if (!StorableInstant.isStorable(at)) {
                errors.add(new Problem.FieldError(field, StorableInstant.RULE));
                return null;
            }
            return at;
        } catch (DateTimeParseException e) {
            errors.add(new Problem.FieldError(field, INSTANT_RULE));
            return null;
        }
    }

    /** A wall-clock time, {@code HH:mm} (or {@code HH:mm:ss}). */
    static LocalTime time(String field, String raw, List<Problem.FieldError> errors) {
        if (raw == null) {
            errors.add(new Problem.FieldError(field, "is required"));
            return null;
        }
        try {
            return LocalTime.parse(raw.strip());
        } catch (DateTimeParseException e) {
            errors.add(new Problem.FieldError(field, "must be a time of day such as 02:00"));
            return null;
        }
    }

    /** Text, stripped; null when absent or blank, which is an error when {@code required}. */
    static String text(String field, String raw, int max, boolean required, List<Problem.FieldError> errors) {
        if (raw == null || raw.isBlank()) {
            if (required) {
                errors.add(new Problem.FieldError(field, "is required"));
            }
            return null;
        }
        String text = raw.strip();
        if (text.length() > max) {
            errors.add(new Problem.FieldError(field, "must be at most " + max + " characters"));
            return null;
        }
        return text;
    }
}
