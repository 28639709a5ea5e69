package dev.vigil.triage;

import static dev.vigil.triage.GateTestSupport.WAIT;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.contracts.Alert;
import dev.vigil.contracts.AlertStatus;
import dev.vigil.contracts.Severity;
import dev.vigil.testsupport.TestInfra;
import dev.vigil.testsupport.VigilTestResources;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Grouping, inhibition and the "why" of every alert through the real broker and database: a host that is down is one
 * incident whatever its services report, and each held alert says why.
 */
@QuarkusTest
@WithTestResource(value = VigilTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class NoiseFlowTest {
    private static final String PROBLEM = "application/problem+json";

    @Test
    void aHostDownCascadeIsOneIncidentThatListsItsAlertsAndEveryHeldAlertSaysWhy() {
        String tenant = TestAlerts.newTenant();
        String operator = TestInfra.token("operator", tenant);
        Instant t0 = Instant.now();
        TestAlerts.publish(alert(tenant, "web-01", "host-down", Severity.CRITICAL, t0));
        String incident = await().atMost(WAIT).until(() -> incidentIds(operator), ids -> ids.size() == 1).get(0);
        TestAlerts.publishAll(List.of(alert(tenant, "web-01", "http", Severity.CRITICAL, t0.plusSeconds(10)),
                alert(tenant, "web-01", "smtp", Severity.MAJOR, t0.plusSeconds(12)),
                alert(tenant, "web-01", "http", Severity.CRITICAL, t0.plusSeconds(70))));

        JsonPath alerts = await().atMost(WAIT).until(() -> given().auth().oauth2(operator)
                .get("/v1/incidents/" + incident + "/alerts").then().statusCode(200).extract().jsonPath(),
                page -> page.getList("items").size() == 3);
        assertEquals(1, incidentIds(operator).size(), "the services of a host that is down open nothing");
        assertEquals(List.of("http", "smtp", "host-down"), alerts.getList("items.check"));
        assertEquals(List.of("inhibited", "inhibited"), alerts.getList("items.reason").subList(0, 2));
        assertEquals(tenant + "-web-01-host-down", alerts.getString("items[0].reasonRef"));

        given().auth().oauth2(operator).get("/v1/suppressions?reason=inhibited&fingerprint=" + tenant
                        + "-web-01-http").then().statusCode(200)
                .body("items.size()", equalTo(1)).body("items[0].alerts", equalTo(2))
                .body("items[0].incidentId", equalTo(incident));
        given().auth().oauth2(operator).get("/v1/alert-states?fingerprint=" + tenant + "-web-01-smtp")
                .then().statusCode(200).body("items[0].reason", equalTo("inhibited"))
                .body("items[0].status", equalTo("firing")).body("items[0].occurrences", equalTo(1));
    }

    @Test
    void aRedeliveredAlertChangesNothing() {
        String tenant = TestAlerts.newTenant();
        String operator = TestInfra.token("operator", tenant);
        Alert once = alert(tenant, "db-01", "replication", Severity.MAJOR, Instant.now());
        TestAlerts.publish(once);
        await().atMost(WAIT).until(() -> incidentIds(operator), ids -> ids.size() == 1);

        TestAlerts.publishAll(List.of(once, once, alert(tenant, "db-01", "disk", Severity.MINOR, Instant.now())));

        await().atMost(WAIT).until(() -> given().auth().oauth2(operator).get("/v1/alert-states?fingerprint=" + tenant
                + "-db-01-disk").then().extract().jsonPath().getList("items").size() == 1);
        given().auth().oauth2(operator).get("/v1/alert-states?fingerprint=" + tenant + "-db-01-replication")
                .then().statusCode(200).body("items[0].occurrences", equalTo(1));
        given().auth().oauth2(operator).get("/v1/incidents").then().statusCode(200)
                .body("items.size()", equalTo(1)).body("items[0].occurrences", equalTo(2));
    }

    @Test
    void anotherTenantSeesNoneOfItAndBadQueriesNameTheirParameter() {
        String tenant = TestAlerts.newTenant();
        TestAlerts.publish(alert(tenant, "mail-01", "imap", Severity.MAJOR, Instant.now()));
        String incident = await().atMost(WAIT).until(() -> incidentIds(TestInfra.token("operator", tenant)),
                ids -> ids.size() == 1).get(0);
        String stranger = TestInfra.token("operator", TestAlerts.newTenant());

        given().auth().oauth2(stranger).get("/v1/incidents/" + incident + "/alerts").then().statusCode(404)
                .contentType(PROBLEM);
        given().auth().oauth2(stranger).get("/v1/alert-states").then().statusCode(200)
                .body("items.size()", equalTo(0));
        given().auth().oauth2(stranger).get("/v1/suppressions").then().statusCode(200)
                .body("items.size()", equalTo(0));
        given().auth().oauth2(stranger).get("/v1/alert-states?tenant=" + tenant).then().statusCode(403)
                .contentType(PROBLEM);
        given().auth().oauth2(stranger).get("/v1/suppressions?tenant=" + tenant).then().statusCode(403);

        String operator = TestInfra.token("operator", tenant);
        given().auth().oauth2(operator).get("/v1/suppressions?reason=bored").then().statusCode(400)
                .contentType(PROBLEM).body("errors[0].field", equalTo("reason"));
        given().auth().oauth2(operator).get("/v1/suppressions?since=yesterday").then().statusCode(400)
                .body("errors[0].field", equalTo("since"));
        given().auth().oauth2(operator).get("/v1/suppressions?since=%2B999999999-12-31T23:59:59Z").then()
                .statusCode(400).body("errors[0].field", equalTo("since"));
        given().auth().oauth2(operator).get("/v1/alert-states?fingerprint=" + "f".repeat(600)).then()
                .statusCode(400).body("errors[0].field", equalTo("fingerprint"));
        given().auth().oauth2(operator).get("/v1/alert-states?reason=silenced").then().statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        given().auth().oauth2(operator).get("/v1/incidents/not-a-uuid/alerts").then().statusCode(400)
                .body("errors[0].field", equalTo("id"));
        given().auth().oauth2(operator).get("/v1/incidents/" + UUID.randomUUID() + "/alerts").then()
                .statusCode(404);
        given().auth().oauth2(TestInfra.token("customer", tenant)).get("/v1/suppressions").then().statusCode(403);
        given().get("/v1/alert-states").then().statusCode(401);
    }

    @Test
    void anAlertInsideAMaintenanceWindowOpensNothingAndSaysWhichWindow() {
        String tenant = TestAlerts.newTenant();
        String supervisor = GateTestSupport.supervisor(tenant);
        Instant now = Instant.now();
        String window = given().auth().oauth2(supervisor).contentType("application/json")
                .body("{\"tenant\": \"" + tenant + "\", \"name\": \"patching\", \"timeZone\": \"Asia/Tokyo\","
                        + " \"matchers\": [{\"label\": \"resource\", \"op\": \"=~\", \"value\": \"web-.*\"}],"
                        + " \"startsAt\": \"" + now.minusSeconds(600) + "\", \"endsAt\": \"" + now.plusSeconds(3600)
                        + "\"}")
                .post("/v1/maintenance-windows").then().statusCode(201).extract().path("id");

        TestAlerts.publishAll(List.of(alert(tenant, "web-01", "host-down", Severity.CRITICAL, now),
                alert(tenant, "db-01", "disk", Severity.MAJOR, now)));

        String operator = TestInfra.token("operator", tenant);
        await().atMost(WAIT).until(() -> given().auth().oauth2(operator).get("/v1/suppressions?reason=maintenance")
                .then().extract().jsonPath().getList("items").size() == 1);
        given().auth().oauth2(operator).get("/v1/suppressions?reason=maintenance").then()
                .body("items[0].reasonRef", equalTo(window)).body("items[0].fingerprint",
                        equalTo(tenant + "-web-01-host-down"));
        await().atMost(WAIT).until(() -> incidentIds(operator).size() == 1);
        given().auth().oauth2(operator).get("/v1/incidents").then().body("items[0].resource", equalTo("db-01"));
    }

    @Test
    void aSilenceUntilResolvedHoldsItsAlertAndEndsWhenTheAlertResolves() {
        String tenant = TestAlerts.newTenant();
        String operator = GateTestSupport.operator(tenant, "kenji");
        String silence = given().auth().oauth2(operator).contentType("application/json")
                .body("{\"tenant\": \"" + tenant + "\", \"untilResolved\": true, \"comment\": \"known, ticket 42\","
                        + " \"matchers\": [{\"label\": \"check\", \"op\": \"=\", \"value\": \"backup\"}]}")
                .post("/v1/silences").then().statusCode(201).extract().path("id");
        Instant now = Instant.now();
        TestAlerts.publish(alert(tenant, "file-01", "backup", Severity.MAJOR, now));
        await().atMost(WAIT).until(() -> given().auth().oauth2(operator).get("/v1/alert-states?reason=silence")
                .then().extract().jsonPath().getList("items").size() == 1);

        TestAlerts.publish(new Alert(UUID.randomUUID(), tenant, tenant + "-file-01-backup", "nagios", "file-01",
                "backup", Severity.MAJOR, AlertStatus.RESOLVED, "backup ok", Map.of(), Map.of(),
                now.plusSeconds(30), now.plusSeconds(30)));

        await().atMost(WAIT).until(() -> "expired".equals(given().auth().oauth2(operator)
                .get("/v1/silences/" + silence).then().extract().path("state")));
        assertEquals(0, incidentIds(operator).size(), "silenced: it never reached an operator");
    }

    @Test
    void aTenantsThresholdHoldsItsAlertsPendingUntilTheyFiredOftenEnough() {
        String tenant = TestAlerts.newTenant();
        given().auth().oauth2(GateTestSupport.supervisor(tenant)).contentType("application/json")
                .header("If-Match", "\"0\"")
                .body("{\"thresholds\": [{\"name\": \"three\", \"occurrences\": 3, \"within\": \"PT5M\"}]}")
                .put("/v1/rules/" + tenant).then().statusCode(200);
        String operator = TestInfra.token("operator", tenant);
        Instant t0 = Instant.now();

        TestAlerts.publishAll(List.of(alert(tenant, "app-01", "jvm-heap", Severity.MAJOR, t0),
                alert(tenant, "app-01", "jvm-heap", Severity.MAJOR, t0.plusSeconds(60))));
        await().atMost(WAIT).until(() -> given().auth().oauth2(operator).get("/v1/alert-states?reason=threshold")
                .then().extract().jsonPath().getList("items.occurrences"), counts -> counts.equals(List.of(2)));
        assertEquals(0, incidentIds(operator).size());

        TestAlerts.publish(alert(tenant, "app-01", "jvm-heap", Severity.MAJOR, t0.plusSeconds(120)));
        await().atMost(WAIT).until(() -> incidentIds(operator).size() == 1);
        given().auth().oauth2(operator).get("/v1/incidents").then().body("items[0].occurrences", equalTo(3));
    }

    private static List<String> incidentIds(String token) {
        return given().auth().oauth2(token).get("/v1/incidents").then().statusCode(200).extract().jsonPath()
                .getList("items.id");
    }

    private static Alert alert(String tenant, String resource, String check, Severity severity, Instant at) {
        return new Alert(UUID.randomUUID(), tenant, tenant + "-" + resource + "-" + check, "nagios", resource, check,
                severity, AlertStatus.FIRING, check + " failing on " + resource, Map.of(), Map.of(), at, at);
    }
}
