package dev.vigil.platform.api;

import dev.vigil.platform.paging.Keyset;
import dev.vigil.platform.paging.PageRequest;
import dev.vigil.platform.problem.ProblemException;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

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

    /**
     * The page a list request asks for: {@code limit} as in {@link #limit(String)}, and the opaque {@code cursor} of
     * a previous page, whose row ids {@code idParser} reads.
     */
    public static <K> PageRequest<K> page(String limit, String cursor, Function<String, K> idParser) {
        int size = limit(limit);
        if (cursor == null || cursor.isBlank()) {
            return PageRequest.first(size);
        }
        return new PageRequest<>(size, Optional.of(Keyset.decode(cursor.strip(), idParser).orElseThrow(
                () -> ProblemException.invalid("cursor", "is not a cursor this list gave out"))));
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
