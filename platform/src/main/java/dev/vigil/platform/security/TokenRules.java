package dev.vigil.platform.security;

import jakarta.json.JsonString;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * What Vigil asks of a token beyond SmallRye JWT's own checks (signature, issuer, {@code exp} and {@code nbf}
 * with the clock skew): it was not issued in the future, and its tenant claims are readable
 * ({@link TenantClaims}). A token issued in the future comes from a signer with a wrong clock or was minted to
 * outlive its lifetime; a malformed tenant could never match a record, so it is refused rather than answered with
 * empty lists.
 */
public final class TokenRules {
    private TokenRules() {
    }

    /** Why the token is refused, or empty if it passes. {@code issuedAt} is in epoch seconds, 0 when absent. */
    public static Optional<String> refusal(long issuedAt, Object tenantClaim, Object tenantsClaim, Set<String> roles,
            Instant now, Duration skew) {
        if (issuedAt > now.plus(skew).getEpochSecond()) {
            return Optional.of("the token is issued in the future (iat " + Instant.ofEpochSecond(issuedAt) + ")");
        }
        try {
            TenantClaims.scopeOf(tenantClaim, tenantsClaim, roles);
            return Optional.empty();
        } catch (TenantClaims.Refused e) {
            return Optional.of(e.getMessage());
        }
    }

    /** The claim as a tenant id; empty if absent or not of the tenant id shape. */
    public static Optional<String> tenantOf(Object claim) {
        String text = claim instanceof JsonString json ? json.getString() : claim instanceof String s ? s : null;
        return TenantIds.isValid(text) ? Optional.of(text) : Optional.empty();
    }
}
