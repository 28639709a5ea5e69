package dev.vigil.notify.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vigil.contracts.webhook.WebhookSignature;
import dev.vigil.notify.NotifyTestResources;
import dev.vigil.notify.ReferenceVerifier;
import dev.vigil.notify.TestEndpoints;
import dev.vigil.notify.TestIncidents;
import dev.vigil.notify.WebhookReceiver;
import dev.vigil.platform.problem.Problem;
import dev.vigil.platform.security.Roles;
import dev.vigil.testsupport.TestInfra;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Rotating an endpoint's secret: during the overlap every webhook carries a signature with each secret, so a
 * receiver verifies it with either, and the reference Standard Webhooks library of another language agrees.
 */
@QuarkusTest
@WithTestResource(value = NotifyTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class SecretRotationTest {
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    private static final WebhookReceiver receiver = WebhookReceiver.shared();

    @Inject
    Pool pool;

    @Test
    void duringTheOverlapEachWebhookVerifiesWithTheOldAndTheNewSecretInTheReferenceLibraryToo() throws Exception {
        String tenant = TestIncidents.newTenant();
        String path = "/" + tenant;
        TestEndpoints.Registered endpoint = TestEndpoints.register(tenant, receiver.url(path));

        String rotated = given().auth().oauth2(TestInfra.token(Roles.CUSTOMER, tenant))
                .contentType("application/json").body("{\"overlap\": \"PT1H\"}")
                .when().post("/v1/endpoints/" + endpoint.id() + "/rotate-secret")
                .then().statusCode(200)
                .body("secret", startsWith("whsec_"))
                .body("previousSecretUntil", notNullValue())
                .extract().path("secret");
        assertNotEquals(endpoint.secret(), rotated);
        TestIncidents.publish(TestIncidents.confirmed(tenant, UUID.randomUUID()));

        WebhookReceiver.Request request = await().atMost(DEADLINE)
                .until(() -> receiver.received(path), received -> received.size() == 1).get(0);
        assertEquals(2, request.header(WebhookSignature.HEADER_SIGNATURE).split(" ").length);
        assertTrue(request.signedWith(rotated));
        assertTrue(request.signedWith(endpoint.secret()));
        assumeTrue(ReferenceVerifier.installed(), "Node.js is not installed: the reference library cannot run");
        assertTrue(ReferenceVerifier.verify(request, rotated).verified());
        assertTrue(ReferenceVerifier.verify(request, endpoint.secret()).verified());
        ReferenceVerifier.Verdict tampered = ReferenceVerifier.verify(new WebhookReceiver.Request(request.path(),
                request.headers(), request.body().replace("web-01", "web-02"), request.receivedAt()), rotated);
        assertFalse(tampered.verified(), "the reference library refuses a changed body: " + tampered.reason());
        assertFalse(ReferenceVerifier.verify(request, WebhookSignature.newSecret()).verified());
    }

    @Test
    void aRotationWithoutOverlapSignsWithTheNewSecretAloneAndTheSecretIsShownOnlyOnce() {
        String tenant = TestIncidents.newTenant();
        String path = "/" + tenant;
        TestEndpoints.Registered endpoint = TestEndpoints.register(tenant, receiver.url(path));

        String rotated = given().auth().oauth2(TestInfra.token(Roles.SUPERVISOR, tenant))
                .contentType("application/json").body("{\"overlap\": \"PT0S\"}")
                .when().post("/v1/endpoints/" + endpoint.id() + "/rotate-secret")
                .then().statusCode(200).extract().path("secret");
        given().auth().oauth2(TestInfra.token(Roles.CUSTOMER, tenant))
                .when().get("/v1/endpoints/" + endpoint.id())
                .then().statusCode(200)
                .body("secret", nullValue())
                .body("previousSecretUntil", nullValue());
        given().auth().oauth2(TestInfra.token(Roles.CUSTOMER, tenant))
                .when().post("/v1/endpoints/" + endpoint.id() + "/test")
                .then().statusCode(200).body("delivered", equalTo(true));

        WebhookReceiver.Request test = receiver.received(path).get(0);
        assertTrue(test.signedWith(rotated));
        assertFalse(test.signedWith(endpoint.secret()), "the old secret signs no more");
    }

    @Test
    void theDatabaseHoldsNoSecretInTheClearBeforeOrAfterARotation() {
        String tenant = TestIncidents.newTenant();
        TestEndpoints.Registered endpoint = TestEndpoints.register(tenant, receiver.url("/" + tenant));
        String rotated = given().auth().oauth2(TestInfra.token(Roles.CUSTOMER, tenant))
                .when().post("/v1/endpoints/" + endpoint.id() + "/rotate-secret")
                .then().statusCode(200).extract().path("secret");

        Row stored = pool.preparedQuery("select secret, previous_secret from endpoint where id = $1")
                .execute(Tuple.of(endpoint.id())).await().indefinitely().iterator().next();

        for (String column : new String[] {"secret", "previous_secret"}) {
            String value = stored.getString(column);
            assertTrue(value.startsWith("vgs1."), column + " is sealed");
            assertFalse(value.contains(rotated.substring(6)) || value.contains(endpoint.secret().substring(6)),
                    column + " shows no secret");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"overlap\": \"P8D\"}", "{\"overlap\": \"-PT1H\"}", "{\"overlap\": \"a day\"}",
            "{\"overlap\": 24}"})
    void aBadOverlapIsRefusedAndTheSecretStays(String body) {
        String tenant = TestIncidents.newTenant();
        String path = "/" + tenant;
        TestEndpoints.Registered endpoint = TestEndpoints.register(tenant, receiver.url(path));

        given().auth().oauth2(TestInfra.token(Roles.CUSTOMER, tenant)).contentType("application/json").body(body)
                .when().post("/v1/endpoints/" + endpoint.id() + "/rotate-secret")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE);
        given().auth().oauth2(TestInfra.token(Roles.CUSTOMER, tenant))
                .when().post("/v1/endpoints/" + endpoint.id() + "/test")
                .then().statusCode(200);
        assertTrue(receiver.received(path).get(0).signedWith(endpoint.secret()));
    }

    @Test
    void onlyTheEndpointsOwnersMayRotateIt() {
        String tenant = TestIncidents.newTenant();
        TestEndpoints.Registered endpoint = TestEndpoints.register(tenant, receiver.url("/" + tenant));
        String url = "/v1/endpoints/" + endpoint.id() + "/rotate-secret";

        given().auth().oauth2(TestInfra.token(Roles.CUSTOMER, TestIncidents.newTenant())).when().post(url)
                .then().statusCode(404).contentType(Problem.MEDIA_TYPE);
        given().auth().oauth2(TestInfra.token(Roles.OPERATOR, tenant)).when().post(url)
                .then().statusCode(403).contentType(Problem.MEDIA_TYPE);
        given().when().post(url).then().statusCode(401).contentType(Problem.MEDIA_TYPE);
        given().auth().oauth2(TestInfra.token(Roles.CUSTOMER, tenant)).contentType("application/json")
                .body("{\"overlap\": \"P8D\"}").when().post(url)
                .then().statusCode(400).body("errors[0].field", equalTo("overlap"));
        given().auth().oauth2(TestInfra.token(Roles.CUSTOMER, tenant))
                .when().post("/v1/endpoints/not-an-id/rotate-secret")
                .then().statusCode(400).body("errors[0].field", equalTo("id"));
        given().auth().oauth2(TestInfra.token(Roles.CUSTOMER, tenant)).when().post(url)
                .then().statusCode(200).body("previousSecretUntil", notNullValue());
    }
}
