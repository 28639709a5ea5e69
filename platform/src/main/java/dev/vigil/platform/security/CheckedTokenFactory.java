package dev.vigil.platform.security;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.time.Duration;
import java.time.Instant;

/**
 * SmallRye JWT's token parser plus {@link TokenRules}. Refusing here makes a failing token an authentication
 * failure like a bad signature: 401 with {@code WWW-Authenticate: Bearer}, before any resource runs.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class CheckedTokenFactory extends DefaultJWTCallerPrincipalFactory {

    @Override
    public JWTCallerPrincipal parse(String token, JWTAuthContextInfo context) throws ParseException {
        JWTCallerPrincipal principal = super.parse(token, context);
        var refusal = TokenRules.refusal(principal.getIssuedAtTime(), principal.getClaim(TenantClaims.TENANT),
                principal.getClaim(TenantClaims.TENANTS), principal.getGroups(), Instant.now(),
                Duration.ofSeconds(context.getClockSkew()));
        if (refusal.isPresent()) {
            throw new ParseException(refusal.get());
        }
        return principal;
    }
}
