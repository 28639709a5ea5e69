package dev.vigil.testsupport;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jose4j.jwt.NumericDate;

/**
 * The tokens every service must refuse with 401 problem+json and {@code WWW-Authenticate: Bearer}, and one
 * assertion that tries them all against an endpoint and names each one that was not refused that way.
 */
public final class UnauthorizedChecks {
    private static final String PROBLEM = "application/problem+json";
    private static final String UNAUTHORIZED = "urn:vigil:problem:unauthorized";

    public enum BadToken {
        MISSING,
        NOT_A_JWT,
        SIGNED_BY_ANOTHER_KEY,
        EXPIRED,
        ISSUED_IN_THE_FUTURE,
        NOT_YET_VALID,
        MALFORMED_TENANT,
        MALFORMED_TENANTS,
        TENANT_AND_TENANTS;

        /** The token for a caller otherwise entitled as {@code role} of {@code tenant}; null for MISSING. */
        public String token(String role, String tenant) {
            long now = NumericDate.now().getValue();
            return switch (this) {
                case MISSING -> null;
                case NOT_A_JWT -> "not-a-jwt";
                case SIGNED_BY_ANOTHER_KEY -> TestInfra.foreignToken(role, tenant);
                case EXPIRED -> TestInfra.token(role, tenant, claims -> {
                    claims.setIssuedAt(NumericDate.fromSeconds(now - 3900));
                    claims.setExpirationTime(NumericDate.fromSeconds(now - 300));
                });
                case ISSUED_IN_THE_FUTURE -> TestInfra.token(role, tenant, claims -> {
                    claims.setIssuedAt(NumericDate.fromSeconds(now + 300));
                    claims.setExpirationTime(NumericDate.fromSeconds(now + 3900));
                });
                case NOT_YET_VALID -> TestInfra.token(role, tenant,
                        claims -> claims.setNotBefore(NumericDate.fromSeconds(now + 300)));
                case MALFORMED_TENANT -> TestInfra.token(role, tenant,
                        claims -> claims.setClaim(DevTokens.TENANT_CLAIM, "Not A Tenant\u0000"));
                case MALFORMED_TENANTS -> TestInfra.token(role, tenant, claims -> {
                    claims.unsetClaim(DevTokens.TENANT_CLAIM);
                    claims.setStringListClaim(DevTokens.TENANTS_CLAIM, "acme", "Not A Tenant");
                });
                case TENANT_AND_TENANTS -> TestInfra.token(role, tenant, claims -> {
                    claims.setClaim(DevTokens.TENANT_CLAIM, "acme");
                    claims.setClaim(DevTokens.TENANTS_CLAIM, DevTokens.ALL_TENANTS);
                });
            };
        }
    }

    private UnauthorizedChecks() {
    }

    /**
     * Sends {@code request} once with each {@link BadToken} (for a caller that would be allowed as {@code role} of
     * {@code tenant} with a good token) and asserts every answer is a 401 problem with a Bearer challenge.
     */
    public static void assertEveryBadTokenIsChallenged(String role, String tenant,
            Function<RequestSpecification, Response> request) {
        List<String> failures = new ArrayList<>();
        for (BadToken bad : BadToken.values()) {
            String token = bad.token(role, tenant);
            RequestSpecification spec = RestAssured.given();
            if (token != null) {
                spec = spec.header("Authorization", "Bearer " + token);
            }
            Response response = request.apply(spec);
            String challenge = response.header("WWW-Authenticate");
            String type = PROBLEM.equals(response.contentType()) ? response.path("type") : null;
            if (response.statusCode() != 401 || !UNAUTHORIZED.equals(type) || !"Bearer".equals(challenge)) {
                failures.add(bad + ": " + response.statusCode() + " " + response.contentType() + " type=" + type
                        + " WWW-Authenticate=" + challenge);
            }
        }
        if (!failures.isEmpty()) {
            throw new AssertionError("not refused with a 401 Bearer challenge: " + String.join("; ", failures));
        }
    }
}
