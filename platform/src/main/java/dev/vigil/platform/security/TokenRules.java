package dev.vigil.platform.security;

import jakarta.json.JsonString;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What Vigil asks of a token beyond SmallRye JWT's own checks (signature, issuer, {@code exp} and {@code nbf}
 * with the clock skew): it was not issued in the future, and its {@code tenant} claim, when present, is a tenant
 * id. A token issued in the future comes from a signer with a wrong clock or was minted to outlive its lifetime;
 * a malformed tenant could never match a record, so it is refused rather than answered with empty lists.
 */
public final class TokenRules {
    private TokenRules() {
    }

    /** Why the token is refused, or empty if it passes. {@code issuedAt} is in epoch seconds, 0 when absent. */
    public static Optional<String> refusal(long issuedAt, Object tenantClaim, Instant now, Duration skew) {
        if (issuedAt > now.plus(skew).getEpochSecond()) {
            return Optional.of("the token is issued in the future (iat " + Instant.ofEpochSecond(issuedAt) + ")");
        }
        if (tenantClaim != null && tenantOf(tenantClaim).isEmpty()) {
            return Optional.of("the token's tenant claim is not a tenant id");
        }
        return Optional.empty();
    }

    /** The claim as a tenant id; empty if absent or not of the tenant id shape. */
    public static Optional<String> tenantOf(Object claim) {
        String text = claim instanceof JsonString json ? json.getString() : claim instanceof String s ? s : null;
        return TenantIds.isValid(text) ? Optional.of(text) : Optional.empty();
    }
}
