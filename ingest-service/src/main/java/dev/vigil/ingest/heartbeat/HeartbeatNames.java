package dev.vigil.ingest.heartbeat;

import dev.vigil.platform.validation.InvalidInputException;
import java.util.regex.Pattern;

/**
 * The shape of a heartbeat's name, which travels as one path segment: a letter or digit first, so that {@code .}
 * and {@code ..} (which clients and proxies rewrite as paths) can never be names.
 */
public final class HeartbeatNames {
    public static final String REGEX = "[A-Za-z0-9][A-Za-z0-9._-]{0,127}";
    public static final String RULE = "must be 1-128 letters, digits, '.', '_' or '-', starting with a letter or digit";
    private static final Pattern PATTERN = Pattern.compile(REGEX);

    private HeartbeatNames() {
    }

    /** {@code raw}, if it is a name; otherwise refused naming {@code field}. */
    public static String require(String field, String raw) {
        if (raw == null || !PATTERN.matcher(raw).matches()) {
            throw new InvalidInputException(field, RULE);
        }
        return raw;
    }
}
