package dev.vigil.notify.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dev.vigil.notify.NotifyTestResources;
import dev.vigil.platform.security.Roles;
import dev.vigil.testsupport.TestInfra;
import dev.vigil.testsupport.UnauthorizedChecks;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What notify refuses before it stores an endpoint or reads one, and how it says so. */
@QuarkusTest
@WithTestResource(value = NotifyTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class EndpointInputTest {
    private static final String PROBLEM = "application/problem+json";

    @Test
    void textPostgresOrAReceiverCannotTakeIsRefusedNamingTheField() {
        String tenant = "n-" + UUID.randomUUID().toString().substring(0, 8);
        customer(tenant).body("{\"url\":\"https://127.0.0.1/a\",\"description\":\"on" + "\\u0000" + "call\"}")
                .post("/v1/endpoints").then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:vigil:problem:validation"))
                .body("errors[0].field", equalTo("description"));
        customer(tenant).body("{\"url\":\"https://127.0.0.1/\\udfff\"}").post("/v1/endpoints").then().statusCode(400)
                .contentType(PROBLEM).body("errors[0].field", equalTo("url"));
    }

    @Test
    void aFieldNamedTwiceIsRefusedNamingIt() {
        customer("acme").body("{\"url\":\"https://127.0.0.1/a\",\"url\":\"https://127.0.0.1/b\"}")
                .post("/v1/endpoints").then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:vigil:problem:malformed-json")).body("errors[0].field", equalTo("url"));
    }

    @Test
    void aMalformedEndpointIdIsABadRequestNamingIt() {
        customer("acme").urlEncodingEnabled(false).get("/v1/endpoints/%00abc").then().statusCode(400)
                .contentType(PROBLEM).body("errors[0].field", equalTo("id"));
        customer("acme").get("/v1/endpoints/" + UUID.randomUUID()).then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void aBodyOverTheDefaultLimitIsA413Problem() {
        customer("acme").body("{\"description\":\"" + "x".repeat(10 * 1024 * 1024) + "\"}").post("/v1/endpoints")
                .then().statusCode(413).contentType(PROBLEM).body("type", equalTo("urn:vigil:problem:payload-too-large"));
    }

    @Test
    void aUriOverTheLimitIsA414Problem() {
        customer("acme").get("/v1/endpoints/" + "a".repeat(5000)).then().statusCode(414).contentType(PROBLEM);
    }

    @Test
    void everyRefusedTokenIsA401WithABearerChallenge() {
        UnauthorizedChecks.assertEveryBadTokenIsChallenged(Roles.CUSTOMER, "acme", spec -> spec.get("/v1/endpoints"));
        UnauthorizedChecks.assertEveryBadTokenIsChallenged(Roles.CUSTOMER, "acme", spec -> spec
                .contentType(ContentType.JSON).body("{\"url\":\"https://127.0.0.1/a\"}").post("/v1/endpoints"));
        UnauthorizedChecks.assertEveryBadTokenIsChallenged(Roles.CUSTOMER, "acme", spec -> spec.get("/v1/deliveries"));
    }

    private static RequestSpecification customer(String tenant) {
        return given().auth().oauth2(TestInfra.token(Roles.CUSTOMER, tenant)).contentType(ContentType.JSON);
    }
}
