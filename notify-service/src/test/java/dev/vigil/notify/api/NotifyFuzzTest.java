package dev.vigil.notify.api;

import static dev.vigil.testsupport.fuzz.FuzzHttp.request;

import dev.vigil.notify.NotifyTestResources;
import dev.vigil.platform.security.Roles;
import dev.vigil.testsupport.TestInfra;
import dev.vigil.testsupport.fuzz.BodyMutations;
import dev.vigil.testsupport.fuzz.Fuzz;
import dev.vigil.testsupport.fuzz.FuzzRun;
import dev.vigil.testsupport.fuzz.RequestParts;
import dev.vigil.testsupport.fuzz.RowCount;
import dev.vigil.testsupport.fuzz.Verdicts;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Generated and mutated requests to the webhook endpoint and delivery APIs: never a 5xx, every 4xx a problem
 * whose status is the HTTP status, and a refused registration (a mutated audience a customer may not ask for
 * among them) stores no endpoint. See {@link FuzzRun} to replay.
 */
@QuarkusTest
@WithTestResource(value = NotifyTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class NotifyFuzzTest {
    private RowCount rows;
    private String tenant;
    private String customer;

    @BeforeEach
    void customerOfANewTenant() {
        rows = RowCount.ofServiceDatabase();
        tenant = "fz-" + UUID.randomUUID().toString().substring(0, 8);
        customer = TestInfra.token(Roles.CUSTOMER, tenant);
    }

    @AfterEach
    void close() throws Exception {
        rows.close();
    }

    /** Loopback targets: the test profile allows them, so a valid registration needs no DNS. */
    @Test
    void aMutatedRegistrationIsAnsweredAndARefusedOneStoresNoEndpoint() {
        Fuzz.run("POST /v1/endpoints", FuzzRun.tries(), random -> {
            String valid = "{\"url\":\"https://127.0.0.1/hooks/" + Long.toHexString(random.nextLong())
                    + "\",\"description\":\"ops channel\",\"audience\":\"customer\"}";
            Verdicts.sendCheckingTrace(port(), request("POST", "/v1/endpoints").bearer(customer)
                    .carrying(BodyMutations.mutate(valid, random)),
                    () -> rows.of("select count(*) from endpoint where tenant = ?", tenant), created -> 1);
        });
    }

    @Test
    void garbledQueriesAndIdsAreAnswered() {
        Fuzz.run("GET /v1/endpoints, /v1/deliveries", FuzzRun.tries(), random -> {
            String accept = RequestParts.accept(random);
            Verdicts.send(port(), request("GET", "/v1/endpoints" + RequestParts.query(random,
                    List.of("audience", "limit", "cursor", "tenant"),
                    List.of("customer", "operators", "1", "MTIzLmFiYw", tenant)))
                    .bearer(customer).with("Accept", accept));
            Verdicts.send(port(), request("GET", "/v1/endpoints/" + RequestParts.pathSegment(random)).bearer(customer));
            Verdicts.send(port(), request(RequestParts.method(random), random.nextBoolean() ? "/v1/deliveries"
                    : "/v1/endpoints/" + RequestParts.pathSegment(random)).bearer(customer));
            Verdicts.sendExpecting(404, port(), request("GET", "/v1/endpoints/"
                    + new UUID(random.nextLong(), random.nextLong())).bearer(customer));
            Verdicts.send(port(), request("GET", "/v1/deliveries" + RequestParts.query(random,
                    List.of("incidentId", "limit", "cursor", "tenant"),
                    List.of(UUID.randomUUID().toString(), "1", "500", "MTIzLmFiYw", "acme")))
                    .bearer(customer).with("Accept", accept));
        });
    }

    @Test
    void garbledCredentialsAreChallengedAndStoreNothing() {
        Fuzz.run("Authorization", FuzzRun.tries(0.5), random -> {
            Verdicts.sendExpecting(401, port(), request("GET", "/v1/deliveries")
                    .with("Authorization", RequestParts.authorization(random, customer)));
            var post = request("POST", "/v1/endpoints")
                    .carrying(BodyMutations.unchanged("{\"url\":\"https://127.0.0.1/hooks/unauthorized\"}"))
                    .with("Authorization", RequestParts.authorization(random, customer));
            Verdicts.expect(401, post, Verdicts.sendCheckingTrace(port(), post,
                    () -> rows.of("select count(*) from endpoint"), created -> 1));
        });
    }

    private static int port() {
        return RestAssured.port;
    }
}
