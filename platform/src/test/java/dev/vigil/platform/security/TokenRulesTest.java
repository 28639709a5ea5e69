package dev.vigil.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenRulesTest {
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final Duration SKEW = Duration.ofSeconds(60);
    private static final Set<String> OPERATOR = Set.of(Roles.OPERATOR);

    @Test
    void aTokenIssuedNowOrWithinTheSkewPasses() {
        assertEquals(Optional.empty(), refusal(NOW.getEpochSecond(), "acme"));
        assertEquals(Optional.empty(), refusal(NOW.getEpochSecond() + 60, "acme"));
        assertEquals(Optional.empty(), refusal(0, null), "no iat, no tenant: a token that sees nothing");
    }

    @Test
    void aTokenIssuedBeyondTheSkewIsRefused() {
        assertTrue(refusal(NOW.getEpochSecond() + 61, "acme").orElseThrow().contains("future"));
    }

    @Test
    void aTenantClaimThatIsNotATenantIdIsRefused() {
        assertTrue(refusal(NOW.getEpochSecond(), "Acme Corp").isPresent());
        assertTrue(refusal(NOW.getEpochSecond(), "acme\u0000").isPresent());
        assertTrue(refusal(NOW.getEpochSecond(), "").isPresent());
        assertTrue(refusal(NOW.getEpochSecond(), "a".repeat(64)).isPresent());
        assertTrue(refusal(NOW.getEpochSecond(), 42).isPresent());
        assertTrue(refusal(NOW.getEpochSecond(), "-acme").isPresent());
    }

    @Test
    void aMalformedTenantsClaimIsRefusedAtAuthentication() {
        var tenants = Json.createArrayBuilder().add("acme").add("Not A Tenant").build();
        assertTrue(TokenRules.refusal(NOW.getEpochSecond(), null, tenants, OPERATOR, NOW, SKEW).isPresent());
    }

    @Test
    void theTenantIsReadFromAJsonStringClaimAsWell() {
        assertEquals(Optional.of("acme-eu"), TokenRules.tenantOf(Json.createValue("acme-eu")));
        assertEquals(Optional.of("acme-eu"), TokenRules.tenantOf("acme-eu"));
        assertEquals(Optional.empty(), TokenRules.tenantOf(null));
    }

    private static Optional<String> refusal(long issuedAt, Object tenantClaim) {
        return TokenRules.refusal(issuedAt, tenantClaim, null, OPERATOR, NOW, SKEW);
    }
}
