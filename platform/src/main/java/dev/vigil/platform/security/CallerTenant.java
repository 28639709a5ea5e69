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

    /** A malformed claim never gets here: {@link CheckedTokenFactory} refuses such tokens at authentication. */
    public String require() {
        return TokenRules.tenantOf(token.getClaim(CLAIM))
                .orElseThrow(() -> new ProblemException(ProblemType.FORBIDDEN, "The token is not bound to a tenant"));
    }

    public String user() {
        return token.getName();
    }
}
