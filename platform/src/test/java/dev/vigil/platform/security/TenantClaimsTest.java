package dev.vigil.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TenantClaimsTest {
    private static final Set<String> OPERATOR = Set.of(Roles.OPERATOR);
    private static final Set<String> CUSTOMER = Set.of(Roles.CUSTOMER);

    @Test
    void aStaffTokenSeesTheTenantsItLists() {
        TenantScope scope = TenantClaims.scopeOf(null, Json.createArrayBuilder().add("a-1").add("b-2").build(),
                OPERATOR);
        assertTrue(scope.includes("a-1"));
        assertTrue(scope.includes("b-2"));
        assertFalse(scope.includes("c-3"));
    }

    @Test
    void aStarSeesEveryTenantAsAStringOrAsTheOnlyElement() {
        assertEquals(TenantScope.EVERY_TENANT, TenantClaims.scopeOf(null, Json.createValue("*"), OPERATOR));
        assertEquals(TenantScope.EVERY_TENANT,
                TenantClaims.scopeOf(null, Json.createArrayBuilder().add("*").build(), Set.of(Roles.ADMIN)));
        assertThrows(TenantClaims.Refused.class, () -> TenantClaims.scopeOf(null,
                Json.createArrayBuilder().add("*").add("acme").build(), OPERATOR));
    }

    @Test
    void aSingleTenantClaimIsAOneElementListForStaff() {
        assertEquals(TenantScope.of("acme"), TenantClaims.scopeOf("acme", null, OPERATOR));
        assertEquals(List.of("acme").get(0), TenantClaims.scopeOf("acme", null, OPERATOR).onlyTenant().orElseThrow());
    }

    @Test
    void aCustomerTokenNamesExactlyOneTenant() {
        assertEquals(TenantScope.of("acme"), TenantClaims.scopeOf("acme", null, CUSTOMER));
        assertThrows(TenantClaims.Refused.class,
                () -> TenantClaims.scopeOf(null, Json.createArrayBuilder().add("acme").build(), CUSTOMER));
        assertThrows(TenantClaims.Refused.class, () -> TenantClaims.scopeOf(null, Json.createValue("*"), CUSTOMER));
    }

    @Test
    void contradictoryOrMalformedClaimsAreRefused() {
        assertThrows(TenantClaims.Refused.class,
                () -> TenantClaims.scopeOf("acme", Json.createValue("*"), OPERATOR), "both claims");
        assertThrows(TenantClaims.Refused.class,
                () -> TenantClaims.scopeOf("acme", null, Set.of(Roles.CUSTOMER, Roles.OPERATOR)), "mixed roles");
        assertThrows(TenantClaims.Refused.class, () -> TenantClaims.scopeOf(null, Json.createValue(7), OPERATOR));
        assertThrows(TenantClaims.Refused.class, () -> TenantClaims.scopeOf(null, Json.createValue("acme"), OPERATOR),
                "a lone string other than * is not a list");
    }

    @Test
    void aTokenWithoutTenantClaimsSeesNothing() {
        assertTrue(TenantClaims.scopeOf(null, null, OPERATOR).isEmpty());
    }
}
