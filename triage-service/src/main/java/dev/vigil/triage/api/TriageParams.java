package dev.vigil.triage.api;

import dev.vigil.platform.problem.ProblemException;
import dev.vigil.platform.validation.StorableInstant;
import dev.vigil.triage.SuppressionReason;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Optional;

/** Triage's own query parameters, read from text so that a bad one is a 400 naming it. */
final class TriageParams {
    static final int LONGEST_FINGERPRINT = 512;

    private TriageParams() {
    }

    static Optional<SuppressionReason> reason(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        return Optional.of(SuppressionReason.fromWire(raw).orElseThrow(() -> ProblemException.invalid("reason",
                "must be one of " + Arrays.stream(SuppressionReason.values()).map(SuppressionReason::wireName)
                        .toList())));
    }

    static Optional<String> fingerprint(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        if (raw.isBlank() || raw.length() > LONGEST_FINGERPRINT) {
            throw ProblemException.invalid("fingerprint", "must be 1 to " + LONGEST_FINGERPRINT + " characters");
        }
        return Optional.of(raw);
    }

    static Optional<Instant> instant(String name, String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        Instant at;
        try {
            at = Instant.parse(raw);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(name, "must be an ISO-8601 instant, e.g. 2026-11-22T01:00:00Z");
        }
        if (!StorableInstant.isStorable(at)) {
            throw ProblemException.invalid(name, StorableInstant.RULE);
        }
        return Optional.of(at);
    }
}
