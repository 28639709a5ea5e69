package dev.vigil.triage;

import static dev.vigil.triage.GateTestSupport.WAIT;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.contracts.Alert;
import dev.vigil.contracts.AlertStatus;
import dev.vigil.contracts.Severity;
import dev.vigil.testsupport.TestInfra;
import dev.vigil.testsupport.VigilTestResources;
import dev.vigil.triage.schedule.HistoryRetention;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The noise report through the real broker and database: an hour of a customer's alerts (a disk check that blips
 * and a confirmed web failure) is tallied, replayed faithfully, and gives a pending period for the blips that hides
 * nothing real.
 */
@QuarkusTest
@WithTestResource(value = VigilTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class NoiseReportTest {
    private static final String PROBLEM = "application/problem+json";

    @Inject
    HistoryRetention retention;

    @Test
    void anHourOfBlipsAndOneRealFailureGivesTalliesAFaithfulReplayAndASafeRule() {
        String tenant = TestAlerts.newTenant();
        String operator = TestInfra.token("operator", tenant);
        Instant t0 = Instant.now().minus(Duration.ofMinutes(60));
        List<Alert> first = new ArrayList<>();
        for (int blip = 0; blip < 3; blip++) {
            Instant at = t0.plus(Duration.ofMinutes(10L * blip));
            first.add(alert(tenant, "db-01", "disk", AlertStatus.FIRING, at));
            first.add(alert(tenant, "db-01", "disk", AlertStatus.RESOLVED, at.plusSeconds(120)));
        }
        first.add(alert(tenant, "web-01", "http", AlertStatus.FIRING, t0.plusSeconds(300)));
        TestAlerts.publishAll(first);
        await().atMost(WAIT).until(() -> incidents(operator).size() == 4);
        String http = incidents(operator).stream().filter(incident -> incident.get("check").equals("http"))
                .findFirst().orElseThrow().get("id");
        given().auth().oauth2(operator).contentType("application/json")
                .body("{\"customerNote\": \"The web shop is down; we are on it.\"}")
                .post("/v1/incidents/" + http + "/confirm").then().statusCode(200);
        TestAlerts.publishAll(List.of(alert(tenant, "web-01", "http", AlertStatus.FIRING, t0.plusSeconds(900)),
                alert(tenant, "web-01", "http", AlertStatus.RESOLVED, t0.plusSeconds(2400))));
        await().atMost(WAIT).until(() -> incidents(operator).stream()
                .allMatch(incident -> incident.get("status").equals("resolved")));

        JsonPath report = given().auth().oauth2(operator).get("/v1/noise-report?days=1").then().statusCode(200)
                .extract().jsonPath();

        assertEquals(tenant, report.getString("tenant"));
        assertEquals(9, report.getInt("alerts"));
        assertEquals(5, report.getInt("firing"));
        assertEquals(4, report.getInt("incidents.opened"));
        assertEquals(1, report.getInt("incidents.confirmed"));
        assertEquals(2, report.getInt("incidents.alertsMax"), "the web failure gathered both its firings");
        assertEquals(List.of(tenant + "-db-01-disk", tenant + "-web-01-http"),
                report.getList("noisiest.fingerprint"));
        assertEquals(List.of(3, 2), report.getList("noisiest.firings"));
        assertEquals(List.of(3, 1), report.getList("noisiest.incidents"));
        assertEquals(4, report.getInt("replay.incidents"), "the replay gives the incidents the tenant had");
        assertEquals(4, report.getInt("replay.reproduced"));

        assertEquals(1, report.getList("suggestions").size());
        assertEquals("PT5M", report.getString("suggestions[0].rule.firingFor"));
        assertEquals(List.of(Map.of("label", "check", "op", "=", "value", "disk")),
                report.getList("suggestions[0].rule.matchers"));
        assertEquals(3, report.getInt("suggestions[0].removes"));
        assertEquals(List.of(), report.getList("suggestions[0].hidesReal"));
        assertEquals(List.of(), report.getList("suggestions[0].delaysReal"));

        // the suggestion, saved as the tenant's rule, would have held each blip
        given().auth().oauth2(GateTestSupport.supervisor(tenant)).contentType("application/json")
                .header("If-Match", "\"0\"")
                .body("{\"thresholds\": [{\"name\": \"pending-disk\","
                        + " \"matchers\": [{\"label\": \"check\", \"op\": \"=\", \"value\": \"disk\"}],"
                        + " \"firingFor\": \"PT5M\"}]}")
                .put("/v1/rules/" + tenant).then().statusCode(200);
        given().auth().oauth2(operator).get("/v1/noise-report?days=1").then().statusCode(200)
                .body("replay.incidents", equalTo(1)).body("suggestions.size()", equalTo(0));
    }

    @Test
    void aRecordedNightSentTodayIsReportedAndItsHistoryIsForgottenAfterItsRetention() {
        String tenant = TestAlerts.newTenant();
        String operator = TestInfra.token("operator", tenant);
        Alert lastWeek = alert(tenant, "db-01", "disk", AlertStatus.FIRING, Instant.now().minus(Duration.ofDays(8)));
        TestAlerts.publish(new Alert(lastWeek.eventId(), tenant, lastWeek.fingerprint(), lastWeek.source(),
                lastWeek.resource(), lastWeek.check(), lastWeek.severity(), lastWeek.status(), lastWeek.summary(),
                Map.of(), Map.of(), lastWeek.observedAt(), Instant.now()));
        await().atMost(WAIT).until(() -> incidents(operator).size() == 1);
        // the period is when triage received the alerts; their incidents are where those alerts were observed
        given().auth().oauth2(operator).get("/v1/noise-report").then().statusCode(200).body("alerts", equalTo(1))
                .body("days", equalTo(7)).body("incidents.opened", equalTo(1)).body("replay.reproduced", equalTo(1));

        retention.forget(Instant.now().plus(Duration.ofDays(31))).await().atMost(WAIT);

        given().auth().oauth2(operator).get("/v1/noise-report").then().statusCode(200).body("alerts", equalTo(0));
    }

    @Test
    void aReportShowsOnlyItsTenantAndBadQueriesNameTheirParameter() {
        String tenant = TestAlerts.newTenant();
        String operator = TestInfra.token("operator", tenant);
        TestAlerts.publish(alert(tenant, "mail-01", "imap", AlertStatus.FIRING, Instant.now()));
        await().atMost(WAIT).until(() -> incidents(operator).size() == 1);
        String other = TestAlerts.newTenant();
        String stranger = TestInfra.token("operator", other);

        given().auth().oauth2(stranger).get("/v1/noise-report").then().statusCode(200)
                .body("tenant", equalTo(other)).body("alerts", equalTo(0)).body("noisiest.size()", equalTo(0));
        given().auth().oauth2(stranger).get("/v1/noise-report?tenant=" + tenant).then().statusCode(403)
                .contentType(PROBLEM);
        given().auth().oauth2(TestInfra.staffToken("operator", List.of(tenant, other))).get("/v1/noise-report").then()
                .statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("tenant"));
        for (String days : List.of("0", "-1", "31", "seven", "1.5", "99999999999")) {
            given().auth().oauth2(operator).get("/v1/noise-report?days=" + days).then().statusCode(400)
                    .contentType(PROBLEM).body("errors[0].field", equalTo("days"))
                    .body("errors[0].message", containsString("from 1 to 30"));
        }
        given().auth().oauth2(TestInfra.token("customer", tenant)).get("/v1/noise-report").then().statusCode(403);
        given().get("/v1/noise-report").then().statusCode(401);
    }

    private static List<Map<String, String>> incidents(String token) {
        return given().auth().oauth2(token).get("/v1/incidents").then().statusCode(200).extract().jsonPath()
                .getList("items");
    }

    private static Alert alert(String tenant, String resource, String check, AlertStatus status, Instant at) {
        return new Alert(UUID.randomUUID(), tenant, tenant + "-" + resource + "-" + check, "nagios", resource, check,
                Severity.MAJOR, status, check + " on " + resource, Map.of(), Map.of(), at, at);
    }
}
