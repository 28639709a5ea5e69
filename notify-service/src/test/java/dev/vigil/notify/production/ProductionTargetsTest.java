package dev.vigil.notify.production;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.vigil.notify.NotifyTestResources;
import dev.vigil.notify.TestIncidents;
import dev.vigil.notify.WebhookReceiver;
import dev.vigil.platform.security.Roles;
import dev.vigil.testsupport.TestInfra;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Notify as production runs it (no plain http, no private targets): such URLs are refused when registered, and
 * an endpoint that points inside the network by the time of sending (DNS rebinding, or a row written before the
 * rules) gets nothing: the delivery fails at once with the guard's reason and the receiver sees no request.
 */
@QuarkusTest
@TestProfile(ProductionTargetsTest.ProductionRules.class)
@WithTestResource(value = NotifyTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ProductionTargetsTest {
    private static final WebhookReceiver receiver = WebhookReceiver.shared();

    public static class ProductionRules implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("vigil.notify.allow-private-targets", "false", "vigil.notify.allow-plain-http", "false");
        }
    }

    @Inject
    Pool pool;

    @ParameterizedTest
    @ValueSource(strings = {"http://hooks.example.com/vigil", "https://127.0.0.1/hook", "https://localhost/hook",
            "https://10.0.0.8/hook", "https://192.168.1.20/hook", "https://[::1]/hook",
            "https://169.254.169.254/latest/meta-data", "https://[fd00::1]/hook",
            "https://127.1/hook", "https://0x7f.0.0.1/hook", "https://2130706433/hook", "https://017700000001/hook",
            "https://[::ffff:127.0.0.1]/hook", "https://[::ffff:0:127.0.0.1]/hook", "https://0.0.0.0/hook",
            "https://198.18.0.1/hook", "https://192.0.2.1/hook", "https://198.51.100.1/hook",
            "https://203.0.113.1/hook", "https://192.0.0.1/hook", "https://192.88.99.1/hook",
            "https://[2001:db8::1]/hook", "https://[100::1]/hook", "https://[64:ff9b::a00:1]/hook"})
    void aPlainOrInternalUrlIsRefusedWhenRegistered(String url) {
        given().auth().oauth2(TestInfra.token(Roles.CUSTOMER, TestIncidents.newTenant()))
                .contentType(ContentType.JSON).body(Map.of("url", url))
                .post("/v1/endpoints")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("url"));
    }

    @Test
    void anEndpointThatPointsInsideByTheTimeOfSendingGetsNothing() {
        String tenant = TestIncidents.newTenant();
        UUID incident = UUID.randomUUID();
        // as if registered while its name resolved to a public address
        pool.preparedQuery("insert into endpoint (id, tenant, url, secret) values ($1, $2, $3, 'whsec_dGVzdA==')")
                .execute(Tuple.of(UUID.randomUUID(), tenant, receiver.url("/" + tenant).replace("http:", "https:")))
                .await().indefinitely();

        TestIncidents.publish(TestIncidents.confirmed(tenant, incident));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .auth().oauth2(TestInfra.token(Roles.CUSTOMER, tenant)).queryParam("incidentId", incident.toString())
                .get("/v1/deliveries").then().statusCode(200)
                .body("items[0].status", equalTo("failed"))
                .body("items[0].attempts", equalTo(1))
                .body("items[0].lastError", containsString("private or reserved address")));
        org.junit.jupiter.api.Assertions.assertTrue(receiver.received("/" + tenant).isEmpty());
    }
}
