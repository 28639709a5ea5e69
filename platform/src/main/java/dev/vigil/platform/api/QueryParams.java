package dev.vigil.platform.api;

import dev.vigil.platform.problem.ProblemException;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads query parameters taken as text. JAX-RS answers a parameter it cannot convert with 404; a caller
 * deserves a 400 that names the parameter.
 */
public final class QueryParams {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    private QueryParams() {
    }

    /** A page size from 1 to {@link #MAX_LIMIT}; absent means {@link #DEFAULT_LIMIT}. */
    public static int limit(String raw) {
        if (raw == null || raw.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(raw.trim());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below, like an out-of-range number
        }
        throw ProblemException.invalid("limit", "must be a whole number from 1 to " + MAX_LIMIT);
    }

    public static Optional<UUID> uuid(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(raw.trim()));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(name, "must be a UUID");
        }
    }
}
