package dev.vigil.triage.api;

import static dev.vigil.testsupport.fuzz.FuzzHttp.request;

import dev.vigil.platform.security.Roles;
import dev.vigil.testsupport.TestInfra;
import dev.vigil.testsupport.VigilTestResources;
import dev.vigil.testsupport.fuzz.BodyMutations;
import dev.vigil.testsupport.fuzz.Fuzz;
import dev.vigil.testsupport.fuzz.FuzzRun;
import dev.vigil.testsupport.fuzz.RequestParts;
import dev.vigil.testsupport.fuzz.Verdicts;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Generated query parameters, path ids and headers on the incident, silence, maintenance window and rules APIs, and
 * mutated silence and window bodies: never a 5xx, every 4xx a problem whose status is the HTTP status, and a refused
 * write leaves nothing behind; {@code DecisionFuzzTest} mutates the bodies of decisions and rules. See {@link FuzzRun}
 * to replay a run.
 */
@QuarkusTest
@WithTestResource(value = VigilTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class TriageFuzzTest {
    private static final String VALID_SILENCE = "{\"matchers\":[{\"label\":\"env\",\"op\":\"=\",\"value\":\"prod\"},"
            + "{\"label\":\"resource\",\"op\":\"=~\",\"value\":\"db-.*\"}],\"startsAt\":\"2026-06-01T00:00:00Z\","
            + "\"endsAt\":\"2099-06-01T02:00:00Z\",\"untilResolved\":false,\"comment\":\"disk swap\"}";
    private static final String VALID_WINDOW = "{\"name\":\"Sunday patching\",\"timeZone\":\"Europe/Berlin\","
            + "\"matchers\":[{\"label\":\"env\",\"op\":\"!=\",\"value\":\"dev\"}],\"comment\":\"OS updates\","
            + "\"recurrence\":{\"days\":[\"SATURDAY\",\"SUNDAY\"],\"start\":\"23:00\",\"end\":\"01:00\","
            + "\"from\":\"2026-01-01T00:00:00Z\",\"until\":\"2027-01-01T00:00:00Z\"}}";
    private static final String VALID_ONE_OFF = "{\"name\":\"migration\",\"timeZone\":\"UTC\","
            + "\"startsAt\":\"2026-05-01T22:00:00Z\",\"endsAt\":\"2026-05-02T02:00:00Z\"}";

    @Inject
    Pool pool;

    private String tenant;
    private String operator;

    @BeforeEach
    void operatorOfANewTenant() {
        tenant = "fz-" + UUID.randomUUID().toString().substring(0, 8);
        operator = TestInfra.token(Roles.OPERATOR, tenant);
    }

    @Test
    void garbledQueriesAreAnswered() {
        Fuzz.run("GET /v1/incidents", FuzzRun.tries(), random -> Verdicts.send(port(), request("GET", "/v1/incidents"
                + RequestParts.query(random, List.of("status", "limit", "cursor", "tenant"),
                List.of("open", "resolved", "1", "500", "MTIzLmFiYw", "acme", "*")))
                .bearer(operator).with("Accept", RequestParts.accept(random))));
    }

    @Test
    void garbledSilenceAndWindowQueriesAreAnswered() {
        Fuzz.run("GET /v1/silences", FuzzRun.tries(), random -> Verdicts.send(port(), request("GET", "/v1/silences"
                + RequestParts.query(random, List.of("state", "limit", "cursor", "tenant"),
                List.of("active", "pending", "expired", "1", "500", "MTIzLmFiYw", tenant, "*")))
                .bearer(operator).with("Accept", RequestParts.accept(random))));
        Fuzz.run("GET /v1/maintenance-windows", FuzzRun.tries(), random -> Verdicts.send(port(),
                request("GET", "/v1/maintenance-windows" + RequestParts.query(random, List.of("limit", "cursor",
                        "tenant"), List.of("1", "500", "MTIzLmFiYw", tenant, "*")))
                        .bearer(operator).with("Accept", RequestParts.accept(random))));
    }

    @Test
    void garbledSilenceAndWindowIdsAreRefusedAndIdsOfNothingAreNotFound() {
        for (String path : List.of("/v1/silences/", "/v1/maintenance-windows/")) {
            Fuzz.run("GET, DELETE " + path + "{id}", FuzzRun.tries(0.5), random -> {
                Verdicts.send(port(), request("GET", path + RequestParts.pathSegment(random)).bearer(operator));
                Verdicts.send(port(), request(RequestParts.method(random), path + RequestParts.pathSegment(random))
                        .bearer(operator));
                Verdicts.sendExpecting(404, port(), request(random.nextBoolean() ? "GET" : "DELETE",
                        path + new UUID(random.nextLong(), random.nextLong())).bearer(operator));
                Verdicts.sendExpecting(401, port(), request("GET", path + new UUID(random.nextLong(), 1))
                        .with("Authorization", RequestParts.authorization(random, operator)));
            });
        }
    }

    @Test
    void aMutatedSilenceIsAnsweredAndARefusedOneStoresNothing() {
        LongSupplier silences = count("select count(*) from silence where tenant = $1", tenant);
        Fuzz.run("POST /v1/silences", FuzzRun.tries(0.5), random -> Verdicts.sendCheckingTrace(port(),
                request("POST", "/v1/silences").bearer(operator).carrying(BodyMutations.mutate(VALID_SILENCE, random)),
                silences, accepted -> 1));
    }

    @Test
    void aMutatedWindowIsAnsweredAndARefusedOneStoresOrChangesNothing() {
        LongSupplier windows = count("select count(*) from maintenance_window where tenant = $1", tenant);
        Fuzz.run("POST /v1/maintenance-windows", FuzzRun.tries(0.5), random -> Verdicts.sendCheckingTrace(port(),
                request("POST", "/v1/maintenance-windows").bearer(operator)
                        .carrying(BodyMutations.mutate(random.nextBoolean() ? VALID_WINDOW : VALID_ONE_OFF, random)),
                windows, accepted -> 1));

        String id = RestAssured.given().auth().oauth2(operator).contentType("application/json").body(VALID_WINDOW)
                .post("/v1/maintenance-windows").then().statusCode(201).extract().path("id");
        LongSupplier version = count("select version from maintenance_window where id = $1", UUID.fromString(id));
        Fuzz.run("PUT /v1/maintenance-windows/{id}", FuzzRun.tries(0.5), random -> Verdicts.sendCheckingTrace(port(),
                request("PUT", "/v1/maintenance-windows/" + id).bearer(operator)
                        .carrying(BodyMutations.mutate(random.nextBoolean() ? VALID_WINDOW : VALID_ONE_OFF, random)),
                version, accepted -> 1));
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

    private LongSupplier count(String sql, Object key) {
        return () -> pool.preparedQuery(sql).execute(Tuple.of(key)).await().indefinitely().iterator().next()
                .getLong(0);
    }

    private static int port() {
        return RestAssured.port;
    }
}
