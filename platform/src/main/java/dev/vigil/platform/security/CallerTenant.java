package dev.vigil.platform.security;

import dev.vigil.platform.problem.ProblemException;
import dev.vigil.platform.problem.ProblemType;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The tenant the caller's token is bound to; every tenant-scoped query takes it from here, never from the request. */
@RequestScoped
public class CallerTenant {
    public static final String CLAIM = "tenant";

    private final JsonWebToken token;

    public CallerTenant(JsonWebToken token) {
        this.token = token;
    }

    public String require() {
        Object claim = token.getClaim(CLAIM);
        String tenant = claim == null ? null : claim.toString().replace("\"", "");
        if (tenant == null || tenant.isBlank()) {
            throw new ProblemException(ProblemType.FORBIDDEN, "The token is not bound to a tenant");
        }
        return tenant;
    }

    public String user() {
        return token.getName();
    }
}
