package dev.vigil.platform.security;

import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Reads the tenants a token's holder may see from its claims. A customer token names exactly one {@code tenant}.
 * A staff token (admin, supervisor, operator) names a {@code tenants} list, or {@code "*"} for every tenant; a
 * single {@code tenant} claim still works for staff as a one-element list. Anything else is refused when the token
 * is authenticated, so a resource never meets an ambiguous scope.
 */
public final class TenantClaims {
    public static final String TENANT = "tenant";
    public static final String TENANTS = "tenants";
    public static final String ALL = "*";

    private TenantClaims() {
    }

    /** A token whose tenant claims Vigil cannot read. */
    public static final class Refused extends RuntimeException {
        Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    /**
     * The scope the claims grant; {@link TenantScope#NONE} when a token names no tenant.
     *
     * @throws Refused when the claims are malformed or contradict the roles
     */
    public static TenantScope scopeOf(Object tenantClaim, Object tenantsClaim, Set<String> roles) {
        boolean customer = roles.contains(Roles.CUSTOMER);
        if (customer && (roles.contains(Roles.ADMIN) || roles.contains(Roles.SUPERVISOR)
                || roles.contains(Roles.OPERATOR))) {
            throw new Refused("the token mixes the customer role with staff roles");
        }
        if (tenantClaim != null && tenantsClaim != null) {
            throw new Refused("the token carries both a tenant and a tenants claim");
        }
        if (tenantsClaim != null) {
            if (customer) {
                throw new Refused("a customer token names its one tenant in the tenant claim, not in tenants");
            }
            return scopeOfList(tenantsClaim);
        }
        if (tenantClaim != null) {
            return TenantScope.of(TokenRules.tenantOf(tenantClaim)
                    .orElseThrow(() -> new Refused("the token's tenant claim is not a tenant id")));
        }
        return TenantScope.NONE;
    }

    private static TenantScope scopeOfList(Object claim) {
        if (ALL.equals(text(claim))) {
            return TenantScope.EVERY_TENANT;
        }
        List<String> ids = new ArrayList<>();
        for (Object element : elements(claim)) {
            String id = text(element);
            if (ALL.equals(id)) {
                if (elements(claim).size() == 1) {
                    return TenantScope.EVERY_TENANT;
                }
                throw new Refused("the token's tenants claim mixes \"*\" with tenant ids");
            }
            if (!TenantIds.isValid(id)) {
                throw new Refused("the token's tenants claim holds something that is not a tenant id");
            }
            ids.add(id);
        }
        return TenantScope.of(ids);
    }

    private static Collection<?> elements(Object claim) {
        if (claim instanceof JsonArray array) {
            return array;
        }
        if (claim instanceof Collection<?> collection) {
            return collection;
        }
        throw new Refused("the token's tenants claim is neither a list of tenant ids nor \"*\"");
    }

    private static String text(Object value) {
        if (value instanceof JsonString json) {
            return json.getString();
        }
        return value instanceof String s ? s : null;
    }
}
