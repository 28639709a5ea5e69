package dev.vigil.platform.security;

import java.util.regex.Pattern;

/** The shape of a tenant id, wherever one arrives: a registration, a path, a token's {@code tenant} claim. */
public final class TenantIds {
    /** For {@code @Pattern}: 1-63 lowercase letters, digits or '-', not starting with '-' (a DNS label's size). */
    public static final String REGEX = "[a-z0-9][a-z0-9-]{0,62}";
    public static final String RULE = "must be 1-63 lowercase letters, digits or -, not starting with -";
    private static final Pattern PATTERN = Pattern.compile(REGEX);

    private TenantIds() {
    }

    public static boolean isValid(String id) {
        return id != null && PATTERN.matcher(id).matches();
    }
}
