package dev.vigil.notify.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.contracts.Json;
import dev.vigil.notify.NotifyTestResources;
import dev.vigil.notify.TestEndpoints;
import dev.vigil.notify.TestIncidents;
import dev.vigil.notify.WebhookReceiver;
import dev.vigil.platform.security.Roles;
import dev.vigil.testsupport.TestInfra;
import dev.vigil.testsupport.UnauthorizedChecks;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A tenant's own wording: saved only when it renders, used for its messages, previewed, and its alone. */
@QuarkusTest
@WithTestResource(value = NotifyTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class TemplatesApiTest {
    private static final String PROBLEM = "application/problem+json";
    private static final WebhookReceiver receiver = WebhookReceiver.shared();

    @Test
    void aTenantsTemplateReplacesVigilsForItsMessagesUntilItIsDeleted() throws Exception {
        String tenant = TestIncidents.newTenant();
        customer(tenant).get("/v1/templates/confirmed/en").then().statusCode(200)
                .body("source", equalTo("vigil")).body("id", nullValue())
                .body("subject", containsString("{resource}"));

        customer(tenant).body(Map.of("subject", "Outage at {tenant}: {resource}",
                        "body", "{resource} is down.{#if note} {note}{/if}\n\nWe call you within 15 minutes."))
                .put("/v1/templates/confirmed/en").then().statusCode(200)
                .body("source", equalTo("tenant")).body("version", equalTo(1))
                .body("updatedBy", equalTo(Roles.CUSTOMER + "@" + tenant));
        customer(tenant).body(Map.of("subject", "Outage: {resource}", "body", "{resource} is down.\n\nWe call you."))
                .put("/v1/templates/confirmed/en").then().statusCode(200).body("version", equalTo(2));
        String path = "/" + tenant + "-own-words";
        TestEndpoints.register(tenant, receiver.url(path));

        TestIncidents.publish(TestIncidents.confirmed(tenant, UUID.randomUUID()));

        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.received(path).size() == 1);
        JsonNode body = Json.mapper().readTree(receiver.received(path).get(0).body());
        assertEquals("Outage: web-01", body.at("/data/subject").asText());
        assertEquals("web-01 is down.\n\nWe call you.", body.at("/data/message").asText());

        customer(tenant).delete("/v1/templates/confirmed/en").then().statusCode(204);
        customer(tenant).delete("/v1/templates/confirmed/en").then().statusCode(404).contentType(PROBLEM);
        customer(tenant).get("/v1/templates/confirmed/en").then().statusCode(200).body("source", equalTo("vigil"));
    }

    @Test
    void aTemplateThatDoesNotRenderIsRefusedNamingItsPartAndNothingIsStored() {
        String tenant = TestIncidents.newTenant();

        customer(tenant).body(Map.of("subject", "Down", "body", "fine\n{#if resource}never closed"))
                .put("/v1/templates/recovered/ja").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("body")).body("errors[0].message", containsString("line 2"));
        customer(tenant).body(Map.of("subject", "{customer} is down", "body", "x"))
                .put("/v1/templates/recovered/ja").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("subject"));
        customer(tenant).body(Map.of("subject", "{note}", "body", "x"))
                .put("/v1/templates/recovered/ja").then().statusCode(400)
                .body("errors[0].field", equalTo("subject"))
                .body("errors[0].message", containsString("empty"));
        customer(tenant).body(Map.of("subject", "Down", "body", "{#include other /}"))
                .put("/v1/templates/recovered/ja").then().statusCode(400).body("errors[0].field", equalTo("body"));
        customer(tenant).body(Map.of("body", "x")).put("/v1/templates/recovered/ja").then().statusCode(400)
                .body("errors[0].field", equalTo("subject"));
        customer(tenant).body(Map.of("subject", "x", "body", "x")).put("/v1/templates/nothing/ja").then()
                .statusCode(400).body("errors[0].field", equalTo("kind"));
        customer(tenant).body(Map.of("subject", "x", "body", "x")).put("/v1/templates/recovered/fr").then()
                .statusCode(400).body("errors[0].field", equalTo("language"));
        customer(tenant).body("[]").put("/v1/templates/recovered/ja").then().statusCode(400).contentType(PROBLEM);

        customer(tenant).get("/v1/templates").then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void customersWordTheirOwnMessagesAndStaffTheMsps() {
        String tenant = TestIncidents.newTenant();
        Map<String, String> template = Map.of("subject", "Decide: {resource}", "body", "{resource} for {tenant}.");

        customer(tenant).body(template).put("/v1/templates/awaiting-decision/en").then().statusCode(403)
                .contentType(PROBLEM);
        customer(tenant).get("/v1/templates/escalated/ja").then().statusCode(403);
        staff(Roles.OPERATOR, tenant).body(template).put("/v1/templates/awaiting-decision/en").then().statusCode(403);
        staff(Roles.SUPERVISOR, tenant).body(Map.of("tenant", tenant, "subject", template.get("subject"),
                        "body", template.get("body")))
                .put("/v1/templates/awaiting-decision/en").then().statusCode(200).body("tenant", equalTo(tenant));
        staff(Roles.OPERATOR, tenant).get("/v1/templates/awaiting-decision/en?tenant=" + tenant).then()
                .statusCode(200).body("source", equalTo("tenant"));
        customer(tenant).get("/v1/templates").then().statusCode(200).body("items", hasSize(0));
        staff(Roles.OPERATOR, tenant).get("/v1/templates?tenant=" + tenant).then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].kind", equalTo("awaiting-decision"));
    }

    @Test
    void aTenantNeitherReadsNorChangesAnothersTemplates() {
        String mine = TestIncidents.newTenant();
        String theirs = TestIncidents.newTenant();
        customer(theirs).body(Map.of("subject", "Theirs: {resource}", "body", "{resource}"))
                .put("/v1/templates/confirmed/en").then().statusCode(200);

        customer(mine).get("/v1/templates?tenant=" + theirs).then().statusCode(403);
        customer(mine).get("/v1/templates/confirmed/en?tenant=" + theirs).then().statusCode(403);
        customer(mine).body(Map.of("tenant", theirs, "subject", "Mine", "body", "x"))
                .put("/v1/templates/confirmed/en").then().statusCode(403);
        customer(mine).delete("/v1/templates/confirmed/en?tenant=" + theirs).then().statusCode(403);
        customer(mine).get("/v1/templates").then().statusCode(200).body("items", hasSize(0));
        customer(mine).get("/v1/templates/confirmed/en").then().statusCode(200).body("source", equalTo("vigil"));
        customer(theirs).get("/v1/templates").then().statusCode(200).body("items", hasSize(1))
                .body("items[0].subject", equalTo("Theirs: {resource}"));
    }

    @Test
    void aPreviewShowsADraftOrTheCurrentWordingAsItsEndpointWouldGetIt() throws Exception {
        String tenant = TestIncidents.newTenant();

        customer(tenant).body(Map.of("kind", "recovered", "language", "en", "subject", "Fixed: {resource}",
                        "body", "{resource} works again after {duration}."))
                .post("/v1/templates/preview").then().statusCode(200)
                .body("source", equalTo("request"))
                .body("subject", equalTo("Fixed: shop-web-01"))
                .body("body", equalTo("shop-web-01 works again after 48 minutes."))
                .body("details[0].label", equalTo("Resource"));
        String slack = customer(tenant).body(Map.of("kind", "confirmed", "language", "ja", "channel", "slack",
                        "timeZone", "Asia/Tokyo"))
                .post("/v1/templates/preview").then().statusCode(200)
                .body("source", equalTo("vigil"))
                .body("subject", startsWith("【障害】"))
                .extract().path("payload");
        assertEquals("header", Json.mapper().readTree(slack).at("/blocks/0/type").asText());
        customer(tenant).body(Map.of("kind", "heartbeat-missed", "language", "en", "channel", "email"))
                .post("/v1/templates/preview").then().statusCode(200)
                .body("payload", containsString("<html lang=\\\"en\\\">"))
                .body("text", containsString("nightly-backup"));

        customer(tenant).body(Map.of("kind", "recovered", "language", "en", "subject", "x", "body", "{#if x}"))
                .post("/v1/templates/preview").then().statusCode(400).body("errors[0].field", equalTo("body"));
        customer(tenant).body(Map.of("kind", "recovered", "language", "en", "channel", "fax"))
                .post("/v1/templates/preview").then().statusCode(400).body("errors[0].field", equalTo("channel"));
        customer(tenant).body(Map.of("kind", "recovered", "language", "en", "timeZone", "Mars/Olympus"))
                .post("/v1/templates/preview").then().statusCode(400).body("errors[0].field", equalTo("timeZone"));
        customer(tenant).body(Map.of("language", "en")).post("/v1/templates/preview").then().statusCode(400)
                .body("errors[0].field", equalTo("kind"));
    }

    @Test
    void everyRefusedTokenIsA401() {
        UnauthorizedChecks.assertEveryBadTokenIsChallenged(Roles.CUSTOMER, "acme",
                spec -> spec.get("/v1/templates/confirmed/en"));
        UnauthorizedChecks.assertEveryBadTokenIsChallenged(Roles.CUSTOMER, "acme", spec -> spec
                .contentType(ContentType.JSON).body("{\"subject\":\"x\",\"body\":\"y\"}")
                .put("/v1/templates/confirmed/en"));
    }

    private static RequestSpecification customer(String tenant) {
        return given().auth().oauth2(TestInfra.token(Roles.CUSTOMER, tenant)).contentType(ContentType.JSON);
    }

    private static RequestSpecification staff(String role, String tenant) {
        return given().auth().oauth2(TestInfra.token(role, tenant)).contentType(ContentType.JSON);
    }
}
