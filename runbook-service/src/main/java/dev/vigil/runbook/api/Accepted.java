package dev.vigil.runbook.api;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/** Which of two representations a caller's Accept header asks for first. */
final class Accepted {
    private Accepted() {
    }

    /**
     * Whether the caller's first choice is {@code type} (named, not a wildcard). An Accept header that does not
     * parse asks for nothing in particular, so the default representation answers, as for other endpoints.
     */
    static boolean first(HttpHeaders headers, MediaType type) {
        try {
            return headers.getAcceptableMediaTypes().stream().findFirst()
                    .filter(accepted -> !accepted.isWildcardType() && accepted.isCompatible(type)).isPresent();
        } catch (IllegalArgumentException unparsable) {
            return false;
        }
    }
}
