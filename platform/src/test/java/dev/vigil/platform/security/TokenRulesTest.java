package dev.vigil.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TokenRulesTest {
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final Duration SKEW = Duration.ofSeconds(60);

    @Test
    void aTokenIssuedNowOrWithinTheSkewPasses() {
        assertEquals(Optional.empty(), TokenRules.refusal(NOW.getEpochSecond(), "acme", NOW, SKEW));
        assertEquals(Optional.empty(), TokenRules.refusal(NOW.getEpochSecond() + 60, "acme", NOW, SKEW));
        assertEquals(Optional.empty(), TokenRules.refusal(0, null, NOW, SKEW), "no iat, no tenant: an admin token");
    }

    @Test
    void aTokenIssuedBeyondTheSkewIsRefused() {
        assertTrue(TokenRules.refusal(NOW.getEpochSecond() + 61, "acme", NOW, SKEW).orElseThrow().contains("future"));
    }

    @Test
    void aTenantClaimThatIsNotATenantIdIsRefused() {
        assertTrue(TokenRules.refusal(NOW.getEpochSecond(), "Acme Corp", NOW, SKEW).isPresent());
        assertTrue(TokenRules.refusal(NOW.getEpochSecond(), "acme\u0000", NOW, SKEW).isPresent());
        assertTrue(TokenRules.refusal(NOW.getEpochSecond(), "a", NOW, SKEW).isPresent());
        assertTrue(TokenRules.refusal(NOW.getEpochSecond(), 42, NOW, SKEW).isPresent());
        assertTrue(TokenRules.refusal(NOW.getEpochSecond(), "-acme", NOW, SKEW).isPresent());
    }

    @Test
    void theTenantIsReadFromAJsonStringClaimAsWell() {
        assertEquals(Optional.of("acme-eu"), TokenRules.tenantOf(Json.createValue("acme-eu")));
        assertEquals(Optional.of("acme-eu"), TokenRules.tenantOf("acme-eu"));
        assertEquals(Optional.empty(), TokenRules.tenantOf(null));
    }
}
