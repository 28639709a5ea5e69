package dev.vigil.notify.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dev.vigil.notify.NotifyTestResources;
import dev.vigil.notify.TestIncidents;
import dev.vigil.platform.security.Roles;
import dev.vigil.testsupport.TestInfra;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** An endpoint's channel, language and time zone: what is taken, and what is refused naming its field. */
@QuarkusTest
@WithTestResource(value = NotifyTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class EndpointFormatTest {
    private static final String PROBLEM = "application/problem+json";

    @Test
    void anEndpointKeepsItsChannelLanguageAndZoneAndChangesTheLastTwo() {
        String tenant = TestIncidents.newTenant();
        String id = customer(tenant).body(Map.of("channel", "email", "url", "mailto:Night.Desk@Example.COM",
                        "language", "ja", "timeZone", "Asia/Tokyo"))
                .post("/v1/endpoints").then().statusCode(201)
                .body("channel", equalTo("email"))
                .body("url", equalTo("mailto:Night.Desk@example.com"))
                .body("language", equalTo("ja"))
                .body("timeZone", equalTo("Asia/Tokyo"))
                .extract().path("id");

        customer(tenant).body(Map.of("language", "en", "timeZone", "Europe/London"))
                .patch("/v1/endpoints/" + id).then().statusCode(200)
                .body("language", equalTo("en")).body("timeZone", equalTo("Europe/London"))
                .body("channel", equalTo("email"));
        customer(tenant).body(Map.of("url", "https://hooks.example.com/x")).patch("/v1/endpoints/" + id).then()
                .statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("url"));
        customer(tenant).body(Map.of("language", "fr")).patch("/v1/endpoints/" + id).then()
                .statusCode(400).body("errors[0].field", equalTo("language"));
        customer(tenant).get("/v1/endpoints/" + id).then().statusCode(200).body("language", equalTo("en"));
    }

    @Test
    void aWebhookIsInEnglishWithTimesInUtcUnlessItSaysOtherwise() {
        String tenant = TestIncidents.newTenant();
        customer(tenant).body(Map.of("url", "https://127.0.0.1/" + tenant)).post("/v1/endpoints").then()
                .statusCode(201).body("channel", equalTo("webhook")).body("language", equalTo("en"))
                .body("timeZone", equalTo("UTC"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "email   | https://hooks.example.com/a               | en | UTC        | url",
        "webhook | mailto:desk@example.com                   | en | UTC        | url",
        "slack   | mailto:desk@example.com                   | en | UTC        | url",
        "email   | mailto:desk@example.com?cc=boss@example.com | en | UTC      | url",
        "email   | mailto:a@example.com,b@example.com        | en | UTC        | url",
        "email   | 'mailto:desk@example.com\r\nBcc: x@example.com' | en | UTC  | url",
        "email   | mailto:desk@localhost                     | en | UTC        | url",
        "email   | mailto:\"desk\"@example.com               | en | UTC        | url",
        "fax     | https://hooks.example.com/a               | en | UTC        | channel",
        "webhook | https://hooks.example.com/a               | de | UTC        | language",
        "webhook | https://hooks.example.com/a               | en | Mars/Base  | timeZone",
        "webhook | https://hooks.example.com/a               | en | +25:00     | timeZone"})
    void whatAnEndpointCannotBeIsRefusedNamingTheField(String channel, String url, String language, String zone,
            String field) {
        customer(TestIncidents.newTenant())
                .body(Map.of("channel", channel, "url", url, "language", language, "timeZone", zone))
                .post("/v1/endpoints").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo(field));
    }

    private static RequestSpecification customer(String tenant) {
        return given().auth().oauth2(TestInfra.token(Roles.CUSTOMER, tenant)).contentType(ContentType.JSON);
    }
}
