package dev.vigil.runbook.api;

import static dev.vigil.runbook.Fixtures.DEADLINE;
import static dev.vigil.runbook.Fixtures.as;
import static dev.vigil.runbook.Fixtures.newTenant;
import static dev.vigil.runbook.Fixtures.openExecution;
import static dev.vigil.runbook.Fixtures.operator;
import static dev.vigil.runbook.Fixtures.operatorNamed;
import static dev.vigil.runbook.Fixtures.publish;
import static dev.vigil.runbook.Fixtures.supervisor;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.contracts.Audience;
import dev.vigil.contracts.CloudEventHeaders;
import dev.vigil.contracts.IncidentChange;
import dev.vigil.contracts.IncidentDecision;
import dev.vigil.contracts.IncidentEvent;
import dev.vigil.contracts.IncidentStatus;
import dev.vigil.contracts.Json;
import dev.vigil.contracts.Keys;
import dev.vigil.contracts.NotificationOutcome;
import dev.vigil.contracts.Severity;
import dev.vigil.contracts.Topics;
import dev.vigil.platform.security.Roles;
import dev.vigil.testsupport.TestInfra;
import dev.vigil.testsupport.VigilTestResources;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The recovery metrics, measured from incident events and delivery outcomes put on their topics. */
@QuarkusTest
@WithTestResource(value = VigilTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class RecoveryStatsTest {

    @Test
    void mediansAndNinetiethPercentilesAreMeasuredFromTheIncidentsOpening() {
        String tenant = newTenant();
        Instant opened = Instant.now().minusSeconds(3600).truncatedTo(ChronoUnit.MILLIS);
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        IncidentDecision firstDecision = IncidentDecision.NONE.acknowledged("ana", opened.plusSeconds(60))
                .confirmed("ana", opened.plusSeconds(120), null, true);
        publish(event(IncidentChange.OPENED, tenant, first, opened, IncidentDecision.NONE, null));
        publish(event(IncidentChange.CONFIRMED, tenant, first, opened, firstDecision, null));
        publish(event(IncidentChange.RESOLVED, tenant, first, opened, firstDecision, opened.plusSeconds(1200)));
        publish(event(IncidentChange.CONFIRMED, tenant, second, opened, IncidentDecision.NONE
                .acknowledged("ben", opened.plusSeconds(180)).confirmed("ben", opened.plusSeconds(300), null, true),
                null));
        outcome(tenant, first, Audience.OPERATORS, NotificationOutcome.Result.DELIVERED, opened.plusSeconds(10));
        outcome(tenant, first, Audience.CUSTOMER, NotificationOutcome.Result.DELIVERED, opened.plusSeconds(150));
        outcome(tenant, first, Audience.CUSTOMER, NotificationOutcome.Result.DELIVERED, opened.plusSeconds(900));
        outcome(tenant, second, Audience.CUSTOMER, NotificationOutcome.Result.FAILED, opened.plusSeconds(200));

        // the two incidents' events travel on different partitions: wait until both are counted
        JsonPath stats = await().atMost(DEADLINE).ignoreExceptions().until(() -> statsOf(tenant),
                found -> found.getInt("tenants[0].incidents") == 2
                        && found.getInt("tenants[0].toConfirm.count") == 2
                        && found.getInt("tenants[0].toFirstContact.count") == 1
                        && found.getInt("tenants[0].toRecovery.count") == 1);

        assertEquals(30, stats.getInt("days"));
        assertEquals(2, stats.getInt("tenants[0].incidents"));
        assertEquals(List.of(2.0, 120.0, 168.0), duration(stats, "toAcknowledge"));
        assertEquals(List.of(2.0, 210.0, 282.0), duration(stats, "toConfirm"));
        assertEquals(List.of(1.0, 150.0, 150.0), duration(stats, "toFirstContact"));
        assertEquals(List.of(1.0, 1200.0, 1200.0), duration(stats, "toRecovery"));
    }

    @Test
    void poisonDeliveryOutcomesAreParkedAndTheOutcomesAfterThemStillCount() {
        String tenant = newTenant();
        Instant opened = Instant.now().minusSeconds(600).truncatedTo(ChronoUnit.MILLIS);
        UUID incident = UUID.randomUUID();
        String key = Keys.incident(tenant, incident);
        publish(event(IncidentChange.CONFIRMED, tenant, incident, opened, IncidentDecision.NONE
                .confirmed("ana", opened.plusSeconds(30), null, true), null));
        String unreadable = "{\"incidentId\": ";
        TestInfra.produce(Topics.NOTIFICATIONS, key, unreadable, Map.of(CloudEventHeaders.SPEC_VERSION, "1.0",
                CloudEventHeaders.ID, UUID.randomUUID().toString(), CloudEventHeaders.TYPE,
                NotificationOutcome.Result.DELIVERED.eventType(), CloudEventHeaders.TENANT, tenant));
        String ofAnotherType = "{}";
        TestInfra.produce(Topics.NOTIFICATIONS, key, ofAnotherType, Map.of(CloudEventHeaders.SPEC_VERSION, "1.0",
                CloudEventHeaders.ID, UUID.randomUUID().toString(), CloudEventHeaders.TYPE,
                "dev.vigil.notification.bounced.v9", CloudEventHeaders.TENANT, tenant));
        outcome(tenant, incident, Audience.CUSTOMER, NotificationOutcome.Result.DELIVERED, opened.plusSeconds(90));

        List<ConsumerRecord<String, String>> parked = TestInfra.consume(Topics.DLQ_RUNBOOK, DEADLINE,
                seen -> seen.stream().filter(r -> key.equals(r.key())).count() >= 2).stream()
                .filter(r -> key.equals(r.key())).toList();
        assertEquals(List.of(unreadable, ofAnotherType), parked.stream().map(ConsumerRecord::value).toList());
        parked.forEach(r -> assertEquals(Topics.NOTIFICATIONS, TestInfra.header(r, "dead-letter-topic")));
        JsonPath stats = await().atMost(DEADLINE).ignoreExceptions().until(() -> statsOf(tenant),
                found -> found.getInt("tenants[0].toFirstContact.count") == 1);
        assertEquals(List.of(1.0, 90.0, 90.0), duration(stats, "toFirstContact"));
    }

    @Test
    void endedExecutionsCountWhetherEveryCriticalStepTheyReachedWasVerified() {
        String tenant = newTenant();
        UUID verified = openExecution(tenant);
        operator(tenant).post(step(verified, 1, "start")).then().statusCode(200);
        operator(tenant).post(step(verified, 1, "complete")).then().statusCode(200);
        operator(tenant).post(step(verified, 2, "start")).then().statusCode(200);
        operator(tenant).post(step(verified, 2, "complete")).then().statusCode(200);
        operatorNamed("second@" + tenant, tenant).post(step(verified, 2, "verify")).then().statusCode(200);
        UUID unverified = openExecution(tenant);
        operator(tenant).post(step(unverified, 1, "skip")).then().statusCode(400);
        operator(tenant).body(Map.of("note", "checked already")).post(step(unverified, 1, "skip")).then()
                .statusCode(200);
        operator(tenant).post(step(unverified, 2, "start")).then().statusCode(200);
        operator(tenant).post(step(unverified, 2, "complete")).then().statusCode(200);
        supervisor(tenant).body(Map.of("reason", "the customer took over")).post("/v1/executions/" + unverified
                + "/abandon").then().statusCode(200);
        openExecution(tenant);

        JsonPath stats = statsOf(tenant);
        assertEquals(2, stats.getInt("tenants[0].executionsEnded"));
        assertEquals(1, stats.getInt("tenants[0].executionsAllVerified"));
    }

    @Test
    void eachCallerSeesItsOwnTenantsAndBadPeriodsAreRefused() {
        String tenant = newTenant();
        String other = newTenant();
        openExecution(other);

        operator(tenant).get("/v1/recovery-stats").then().statusCode(200).body("tenants.size()", equalTo(0));
        operator(tenant).queryParam("tenant", other).get("/v1/recovery-stats").then().statusCode(403);
        for (String days : List.of("0", "367", "a week", "-1")) {
            operator(tenant).queryParam("days", days).get("/v1/recovery-stats").then().statusCode(400)
                    .body("errors.field", hasItem("days"));
        }
        operator(tenant).queryParam("days", "7").get("/v1/recovery-stats").then().statusCode(200)
                .body("days", equalTo(7));
        as(Roles.CUSTOMER, tenant).get("/v1/recovery-stats").then().statusCode(403);
        given().get("/v1/recovery-stats").then().statusCode(401);
    }

    private static JsonPath statsOf(String tenant) {
        return operator(tenant).get("/v1/recovery-stats").then().statusCode(200).extract().jsonPath();
    }

    private static List<Double> duration(JsonPath stats, String name) {
        return List.of(stats.getDouble("tenants[0]." + name + ".count"),
                stats.getDouble("tenants[0]." + name + ".medianSeconds"),
                stats.getDouble("tenants[0]." + name + ".p90Seconds"));
    }

    private static IncidentEvent event(IncidentChange change, String tenant, UUID incidentId, Instant opened,
            IncidentDecision decision, Instant resolved) {
        return new IncidentEvent(UUID.randomUUID(), change, tenant, incidentId,
                resolved == null ? IncidentStatus.CONFIRMED : IncidentStatus.RESOLVED, "fp-" + incidentId,
                "prometheus", "web-1", "http-" + UUID.randomUUID(), Severity.CRITICAL, "web-1 is not answering",
                Map.of(), 1, opened, opened, resolved, decision, "triage", null);
    }

    private static void outcome(String tenant, UUID incidentId, Audience audience, NotificationOutcome.Result result,
            Instant at) {
        NotificationOutcome outcome = new NotificationOutcome(UUID.randomUUID(), tenant, incidentId,
                UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), audience, result, 1,
                result == NotificationOutcome.Result.DELIVERED ? 204 : 500, at);
        TestInfra.produce(Topics.NOTIFICATIONS, Keys.incident(tenant, incidentId), Json.write(outcome), Map.of(
                CloudEventHeaders.SPEC_VERSION, "1.0", CloudEventHeaders.ID, outcome.eventId().toString(),
                CloudEventHeaders.TYPE, result.eventType(), CloudEventHeaders.TENANT, tenant));
    }

    private static String step(UUID execution, int n, String move) {
        return "/v1/executions/" + execution + "/steps/" + n + "/" + move;
    }
}
