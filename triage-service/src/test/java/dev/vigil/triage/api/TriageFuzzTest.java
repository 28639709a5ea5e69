package dev.vigil.triage.api;

import static dev.vigil.testsupport.fuzz.FuzzHttp.request;

import dev.vigil.platform.security.Roles;
import dev.vigil.testsupport.TestInfra;
import dev.vigil.testsupport.VigilTestResources;
import dev.vigil.testsupport.fuzz.Fuzz;
import dev.vigil.testsupport.fuzz.FuzzRun;
import dev.vigil.testsupport.fuzz.RequestParts;
import dev.vigil.testsupport.fuzz.Verdicts;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Generated query parameters, path ids and headers on the incident API and the rules: never a 5xx, and every 4xx a
 * problem whose status is the HTTP status; {@code DecisionFuzzTest} mutates the bodies of the changes. See
 * {@link FuzzRun} to replay a run.
 */
@QuarkusTest
@WithTestResource(value = VigilTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class TriageFuzzTest {
    private String operator;

    @BeforeEach
    void operatorOfANewTenant() {
        operator = TestInfra.token(Roles.OPERATOR, "fz-" + UUID.randomUUID().toString().substring(0, 8));
    }

    @Test
    void garbledQueriesAreAnswered() {
        Fuzz.run("GET /v1/incidents", FuzzRun.tries(), random -> Verdicts.send(port(), request("GET", "/v1/incidents"
                + RequestParts.query(random, List.of("status", "limit", "cursor", "tenant"),
                List.of("open", "resolved", "1", "500", "MTIzLmFiYw", "acme", "*")))
                .bearer(operator).with("Accept", RequestParts.accept(random))));
    }

    @Test
    void garbledIdsAreRefusedAndIdsOfNothingAreNotFound() {
        Fuzz.run("GET /v1/incidents/{id}", FuzzRun.tries(), random -> {
            Verdicts.send(port(), request("GET", "/v1/incidents/" + RequestParts.pathSegment(random)).bearer(operator));
            String path = "/v1/incidents/" + RequestParts.pathSegment(random);
            Verdicts.send(port(), request(RequestParts.method(random), path).bearer(operator));
            Verdicts.sendExpecting(404, port(), request("GET", "/v1/incidents/"
                    + new UUID(random.nextLong(), random.nextLong())).bearer(operator));
        });
    }

    @Test
    void garbledTenantsAndPagesOfTheRulesAreAnswered() {
        String tenant = "fz-" + UUID.randomUUID().toString().substring(0, 8);
        String supervisor = TestInfra.token(Roles.SUPERVISOR, tenant);
        Fuzz.run("GET /v1/rules/{tenant}, .../versions", FuzzRun.tries(), random -> {
            Verdicts.send(port(), request("GET", "/v1/rules/" + RequestParts.pathSegment(random)).bearer(supervisor));
            Verdicts.send(port(), request(RequestParts.method(random), "/v1/rules/" + tenant).bearer(supervisor));
            Verdicts.send(port(), request("GET", "/v1/rules/" + tenant + "/versions"
                    + RequestParts.query(random, List.of("limit", "cursor"), List.of("1", "500", "MTIzLjQ1Ng", "0")))
                    .bearer(supervisor).with("Accept", RequestParts.accept(random)));
            Verdicts.sendExpecting(401, port(), request("GET", "/v1/rules/" + tenant)
                    .with("Authorization", RequestParts.authorization(random, supervisor)));
        });
    }

    @Test
    void garbledCredentialsAreChallenged() {
        Fuzz.run("Authorization", FuzzRun.tries(0.5), random -> {
            Verdicts.sendExpecting(401, port(), request("GET", "/v1/incidents")
                    .with("Authorization", RequestParts.authorization(random, operator)));
            Verdicts.sendExpecting(401, port(), request("GET", "/v1/incidents/" + new UUID(random.nextLong(), 1))
                    .with("Authorization", RequestParts.authorization(random, operator)));
        });
    }

    private static int port() {
        return RestAssured.port;
    }
}
