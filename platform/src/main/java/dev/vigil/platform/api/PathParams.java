package dev.vigil.platform.api;

import dev.vigil.platform.problem.ProblemException;
import dev.vigil.platform.security.TenantIds;
import java.util.UUID;

/**
 * Reads ids from request paths, taken as text. A malformed id (including a decoded {@code %00}) is answered 400
 * naming the path parameter, and never reaches a query, where PostgreSQL would fail on it.
 */
public final class PathParams {
    private PathParams() {
    }

    public static UUID uuid(String name, String raw) {
        try {
            // UUID.fromString accepts shortened groups ("1-2-3-4-5"): insist on the canonical 36 characters
            if (raw != null && raw.length() == 36) {
                return UUID.fromString(raw);
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw ProblemException.invalid(name, "must be a UUID");
    }

    /** A number from 1 up, such as a step's position or a version; anything else is answered 400 naming it. */
    public static int positiveInt(String name, String raw, String rule) {
        try {
            int number = Integer.parseInt(raw);
            if (number >= 1) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below, as a number below 1 is
        }
        throw ProblemException.invalid(name, rule);
    }

    public static String tenantId(String name, String raw) {
        if (!TenantIds.isValid(raw)) {
            throw ProblemException.invalid(name, TenantIds.RULE);
        }
        return raw;
    }
}
