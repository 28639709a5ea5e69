package dev.vigil.platform.security;

import dev.vigil.platform.problem.ProblemException;
import dev.vigil.platform.problem.ProblemType;
import jakarta.enterprise.context.RequestScoped;
import java.util.Collection;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The tenants the caller's token lets it see, and the tenant a write acts for. Every tenant-scoped query takes its
 * scope from here, never from the request alone: a request may only narrow it.
 */
@RequestScoped
public class CallerScope {
    private final JsonWebToken token;

    public CallerScope(JsonWebToken token) {
        this.token = token;
    }

    /**
     * Every tenant the token names; a token that names none is refused (403), and a malformed claim never gets
     * here ({@link CheckedTokenFactory}).
     */
    public TenantScope visible() {
        TenantScope scope = TenantClaims.scopeOf(token.getClaim(TenantClaims.TENANT),
                token.getClaim(TenantClaims.TENANTS), token.getGroups());
        if (scope.isEmpty()) {
            throw new ProblemException(ProblemType.FORBIDDEN, "The token names no tenant");
        }
        return scope;
    }

    /**
     * The scope of a list: the visible tenants, narrowed to those of a repeated {@code ?tenant=} when given. Asking
     * for a tenant outside the token is refused, not silently answered with nothing.
     */
    public TenantScope forList(Collection<String> requested) {
        TenantScope visible = visible();
        List<String> narrowed = requested == null ? List.of()
                : requested.stream().filter(t -> t != null && !t.isBlank()).map(String::strip).toList();
        if (narrowed.isEmpty()) {
            return visible;
        }
        for (String tenant : narrowed) {
            requireVisible(visible, tenant);
        }
        return TenantScope.of(narrowed);
    }

    /**
     * The tenant a create acts for: the body's {@code tenant}, which must be one the token names. A token of one
     * tenant (every customer token) may leave it out.
     */
    public String forWrite(String requested) {
        return forOne(requested);
    }

    /**
     * The one tenant a request is about (a create, a report): {@code requested}, which must be one the token names.
     * A token of one tenant may leave it out.
     */
    public String forOne(String requested) {
        TenantScope visible = visible();
        if (requested == null) {
            return visible.onlyTenant().orElseThrow(() -> ProblemException.invalid("tenant",
                    "is required: the token may act for more than one tenant"));
        }
        return requireVisible(visible, requested);
    }

    public String user() {
        return token.getName();
    }

    private static String requireVisible(TenantScope visible, String tenant) {
        if (!TenantIds.isValid(tenant)) {
            throw ProblemException.invalid("tenant", TenantIds.RULE);
        }
        if (!visible.includes(tenant)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "Tenant " + tenant + " is outside the token's tenants");
        }
        return tenant;
    }
}
