package dev.vigil.triage;

import static dev.vigil.triage.GateTestSupport.WAIT;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.contracts.AlertStatus;
import dev.vigil.contracts.Audience;
import dev.vigil.contracts.CloudEventHeaders;
import dev.vigil.contracts.EventTypes;
import dev.vigil.contracts.ExecutionChange;
import dev.vigil.contracts.HandoverOverdueEvent;
import dev.vigil.contracts.Json;
import dev.vigil.contracts.Keys;
import dev.vigil.contracts.NotificationOutcome;
import dev.vigil.contracts.RecoveryStepEvent;
import dev.vigil.contracts.RunbookExecutionEvent;
import dev.vigil.contracts.Severity;
import dev.vigil.contracts.Topics;
import dev.vigil.testsupport.TestInfra;
import dev.vigil.testsupport.VigilTestResources;
import dev.vigil.triage.schedule.DeadlineSweeper;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Tenants' policies, decision deadlines and the end of an incident, against the real broker and database. */
@QuarkusTest
@WithTestResource(value = VigilTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class PolicyAndDeadlinesTest {
    private static final String PROBLEM = "application/problem+json";

    @Inject
    DeadlineSweeper sweeper;

    @Test
    void aSupervisorSavesVersionsWithWhoAndWhenAndStaleOrBadChangesAreRefused() {
        String tenant = TestAlerts.newTenant();
        String supervisor = GateTestSupport.supervisor(tenant);
        given().auth().oauth2(supervisor).get("/v1/policies/" + tenant).then().statusCode(200)
                .header("ETag", "\"0\"").body("version", equalTo(0)).body("decisionDeadlines.critical", equalTo("PT10M"));

        given().auth().oauth2(supervisor).contentType("application/json").header("If-Match", "\"0\"")
                .body("{\"autoConfirm\": [\"critical\"], \"decisionDeadlines\": {\"major\": \"PT15M\"},"
                        + " \"resolveDelay\": \"PT5M\", \"reportRecovery\": false}")
                .put("/v1/policies/" + tenant).then().statusCode(200).header("ETag", "\"1\"")
                .body("version", equalTo(1)).body("changedBy", equalTo("sally-supervisor"))
                .body("autoConfirm", equalTo(List.of("critical"))).body("resolveDelay", equalTo("PT5M"));
        given().auth().oauth2(supervisor).contentType("application/json").header("If-Match", "\"0\"")
                .body("{}").put("/v1/policies/" + tenant).then().statusCode(412).contentType(PROBLEM);
        given().auth().oauth2(supervisor).contentType("application/json")
                .body("{\"autoConfirm\": [\"urgent\"], \"decisionDeadlines\": {\"critical\": \"PT1M\","
                        + " \"minor\": \"ten minutes\", \"sometimes\": \"PT1M\"}, \"resolveDelay\": \"P3D\"}")
                .put("/v1/policies/" + tenant).then().statusCode(400)
                .body("errors.field", hasItems("autoConfirm[0]", "decisionDeadlines.minor",
                        "decisionDeadlines.sometimes", "resolveDelay"));
        given().auth().oauth2(supervisor).contentType("application/json")
                .body("{\"autoConfirm\": [\"critical\"], \"decisionDeadlines\": {\"critical\": \"PT1M\"}}")
                .put("/v1/policies/" + tenant).then().statusCode(400)
                .body("errors.field", hasItem("decisionDeadlines.critical"));
        given().auth().oauth2(supervisor).contentType("application/json").body("{}")
                .put("/v1/policies/" + tenant).then().statusCode(200).body("version", equalTo(2));

        given().auth().oauth2(TestInfra.token("operator", tenant)).get("/v1/policies/" + tenant + "/versions")
                .then().statusCode(200).body("items.version", equalTo(List.of(2, 1)))
                .body("items[1].reportRecovery", equalTo(false)).body("items[0].reportRecovery", equalTo(true));
        given().auth().oauth2(TestInfra.token("operator", tenant)).contentType("application/json").body("{}")
                .put("/v1/policies/" + tenant).then().statusCode(403);
        given().auth().oauth2(GateTestSupport.supervisor(TestAlerts.newTenant())).get("/v1/policies/" + tenant)
                .then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(supervisor).get("/v1/policies/Not_A_Tenant!").then().statusCode(400);
    }

    @Test
    void thePolicyConfirmsACriticalIncidentWithNoPersonAndTheTimelineSaysSo() {
        String tenant = TestAlerts.newTenant();
        GateTestSupport.putPolicy(tenant, "{\"autoConfirm\": [\"critical\"]}");

        String id = GateTestSupport.openIncident(tenant, "fp-" + UUID.randomUUID(), Severity.CRITICAL);

        await().atMost(WAIT).until(() -> "confirmed".equals(GateTestSupport.incident(tenant, id).getString("status")));
        assertEquals("policy", GateTestSupport.incident(tenant, id).getString("decision.confirmedBy"));
        assertEquals(List.of("opened", "confirmed"), GateTestSupport.timelineKinds(tenant, id));
        assertEquals(List.of(EventTypes.INCIDENT_OPENED, EventTypes.INCIDENT_CONFIRMED),
                GateTestSupport.eventTypes(id, EventTypes.INCIDENT_CONFIRMED));
    }

    @Test
    void anUndecidedIncidentEscalatesOnceAtItsDeadlineEvenWithTwoSweepers() throws Exception {
        String tenant = TestAlerts.newTenant();
        GateTestSupport.putPolicy(tenant, "{\"decisionDeadlines\": {\"major\": \"PT2S\"}}");
        String undecided = GateTestSupport.openIncident(tenant, "fp-" + UUID.randomUUID(), Severity.MAJOR);
        String decided = GateTestSupport.openIncident(tenant, "fp-" + UUID.randomUUID(), Severity.MAJOR);
        given().auth().oauth2(GateTestSupport.operator(tenant, "frank")).post("/v1/incidents/" + decided + "/confirm")
                .then().statusCode(200);

        // two replicas sweeping the same moment, besides this service's own scheduled sweeps
        Instant later = Instant.now().plusSeconds(5);
        CompletableFuture<Integer> one = sweeper.sweep(later).subscribeAsCompletionStage();
        CompletableFuture<Integer> two = sweeper.sweep(later).subscribeAsCompletionStage();
        one.get();
        two.get();

        await().atMost(WAIT).until(() -> GateTestSupport.incident(tenant, undecided)
                .getString("decision.escalatedAt") != null);
        List<String> types = GateTestSupport.eventTypes(undecided, EventTypes.INCIDENT_ESCALATED);
        assertEquals(1, types.stream().filter(EventTypes.INCIDENT_ESCALATED::equals).count(), types.toString());
        assertEquals(List.of("opened", "escalated"), GateTestSupport.timelineKinds(tenant, undecided));
        assertEquals(List.of("opened", "confirmed"), GateTestSupport.timelineKinds(tenant, decided),
                "decided in time: no escalation");
        sweeper.sweep(Instant.now().plusSeconds(60)).await().indefinitely();
        assertEquals(List.of("opened", "escalated"), GateTestSupport.timelineKinds(tenant, undecided));
    }

    @Test
    void aConfirmedIncidentStaysRecoveringUntilItsRunbookExecutionCompletes() {
        String tenant = TestAlerts.newTenant();
        GateTestSupport.putPolicy(tenant, "{\"autoConfirm\": [\"critical\"]}");
        String fingerprint = "fp-" + UUID.randomUUID();
        String id = GateTestSupport.openIncident(tenant, fingerprint, Severity.CRITICAL);
        UUID incidentId = UUID.fromString(id);
        UUID executionId = UUID.randomUUID();
        UUID runbookId = UUID.randomUUID();
        Instant now = Instant.now();
        RunbookExecutionEvent opened = new RunbookExecutionEvent(UUID.randomUUID(), ExecutionChange.OPENED, tenant,
                executionId, incidentId, runbookId, "Restart the web tier", 3, now, "runbook", null, now);
        GateTestSupport.publish(Topics.RUNBOOK, tenant, incidentId, opened.eventId(), opened.eventType(), opened);
        await().atMost(WAIT).until(() -> GateTestSupport.incident(tenant, id).getInt("runningExecutions") == 1);

        TestAlerts.publish(GateTestSupport.alert(tenant, fingerprint, AlertStatus.RESOLVED, Severity.CRITICAL));
        await().atMost(WAIT).until(() -> "recovering".equals(GateTestSupport.incident(tenant, id).getString("status")));

        // the topic also carries notify's events: triage passes them over, neither applying nor parking them
        RecoveryStepEvent step = new RecoveryStepEvent(UUID.randomUUID(), tenant, executionId, incidentId,
                "Restart the web tier", 1, "Restart the web servers", 1, 2, null, null, null, null, null, null, now);
        GateTestSupport.publish(Topics.RUNBOOK, tenant, incidentId, step.eventId(), EventTypes.RUNBOOK_STEP_DONE,
                step);
        HandoverOverdueEvent overdue = new HandoverOverdueEvent(UUID.randomUUID(), tenant, UUID.randomUUID(),
                "night", "morning", "aiko", now, now, List.of(new HandoverOverdueEvent.Item(1, "note", "x", null)));
        GateTestSupport.publish(Topics.RUNBOOK, tenant, incidentId, overdue.eventId(),
                EventTypes.RUNBOOK_HANDOVER_OVERDUE, overdue);
        RunbookExecutionEvent completed = new RunbookExecutionEvent(UUID.randomUUID(), ExecutionChange.COMPLETED,
                tenant, executionId, incidentId, runbookId, "Restart the web tier", 3, now, "grace", "all green",
                Instant.now());
        GateTestSupport.publish(Topics.RUNBOOK, tenant, incidentId, completed.eventId(), completed.eventType(),
                completed);
        await().atMost(WAIT).until(() -> "resolved".equals(GateTestSupport.incident(tenant, id).getString("status")));
        assertEquals(List.of("opened", "confirmed", "execution-opened", "recovering", "execution-completed",
                "resolved"), GateTestSupport.timelineKinds(tenant, id));
        assertTrue(TestInfra.consume(Topics.DLQ_TRIAGE, Duration.ofSeconds(2), seen -> false).stream()
                .map(r -> TestInfra.header(r, CloudEventHeaders.ID))
                .noneMatch(parked -> parked.equals(step.eventId().toString())
                        || parked.equals(overdue.eventId().toString())), "passed over, not parked");
    }

    @Test
    void withAResolveDelayTheIncidentEndsOnlyOnceItsAlertsStayedResolved() {
        String tenant = TestAlerts.newTenant();
        GateTestSupport.putPolicy(tenant, "{\"resolveDelay\": \"PT2S\"}");
        String fingerprint = "fp-" + UUID.randomUUID();
        String id = GateTestSupport.openIncident(tenant, fingerprint, Severity.WARNING);

        TestAlerts.publish(GateTestSupport.alert(tenant, fingerprint, AlertStatus.RESOLVED, Severity.WARNING));
        await().atMost(WAIT).until(() -> GateTestSupport.incident(tenant, id).getString("recoveredAt") != null);
        assertEquals("open", GateTestSupport.incident(tenant, id).getString("status"), "not before the delay");

        await().atMost(WAIT).until(() -> "resolved".equals(GateTestSupport.incident(tenant, id).getString("status")));
    }

    @Test
    void aDeliveryToTheCustomerIsTheFirstContactAndStaffChannelsAreNot() {
        String tenant = TestAlerts.newTenant();
        String id = GateTestSupport.openIncident(tenant, "fp-" + UUID.randomUUID(), Severity.CRITICAL);
        UUID incidentId = UUID.fromString(id);
        Instant operatorsAt = Instant.now().plusSeconds(1).truncatedTo(ChronoUnit.MILLIS);
        Instant customerAt = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.MILLIS);
        NotificationOutcome toOperators = outcome(tenant, incidentId, Audience.OPERATORS, operatorsAt);
        NotificationOutcome toCustomer = outcome(tenant, incidentId, Audience.CUSTOMER, customerAt);
        GateTestSupport.publish(Topics.NOTIFICATIONS, tenant, incidentId, toOperators.eventId(),
                EventTypes.NOTIFICATION_DELIVERED, toOperators);
        GateTestSupport.publish(Topics.NOTIFICATIONS, tenant, incidentId, toCustomer.eventId(),
                EventTypes.NOTIFICATION_DELIVERED, toCustomer);

        await().atMost(WAIT).until(() -> GateTestSupport.incident(tenant, id).getString("firstCustomerContactAt")
                != null);
        assertEquals(customerAt, Instant.parse(GateTestSupport.incident(tenant, id)
                .getString("firstCustomerContactAt")));
        assertEquals(List.of("opened", "customer-contacted"), GateTestSupport.timelineKinds(tenant, id));
    }

    @Test
    void theEarliestDeliveryIsTheFirstContactInWhateverOrderTheyArriveAndOnlyForTheIncidentsTenant() {
        String tenant = TestAlerts.newTenant();
        String id = GateTestSupport.openIncident(tenant, "fp-" + UUID.randomUUID(), Severity.CRITICAL);
        UUID incidentId = UUID.fromString(id);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        NotificationOutcome later = outcome(tenant, incidentId, Audience.CUSTOMER, now.plusSeconds(3));
        NotificationOutcome earlier = outcome(tenant, incidentId, Audience.CUSTOMER, now.plusSeconds(2));
        String stranger = TestAlerts.newTenant();
        NotificationOutcome othersClaim = outcome(stranger, incidentId, Audience.CUSTOMER, now.plusSeconds(1));
        // all three under the incident's key, so one partition keeps them in this order: once the last two are
        // applied, so is the stranger's
        for (NotificationOutcome outcome : List.of(othersClaim, later, earlier)) {
            TestInfra.produce(Topics.NOTIFICATIONS, Keys.incident(tenant, incidentId), Json.write(outcome), Map.of(
                    CloudEventHeaders.SPEC_VERSION, "1.0", CloudEventHeaders.ID, outcome.eventId().toString(),
                    CloudEventHeaders.TYPE, EventTypes.NOTIFICATION_DELIVERED,
                    CloudEventHeaders.TENANT, outcome.tenant()));
        }

        await().atMost(WAIT).until(() -> GateTestSupport.timelineKinds(tenant, id).size() == 3);
        assertEquals(now.plusSeconds(2), Instant.parse(GateTestSupport.incident(tenant, id)
                .getString("firstCustomerContactAt")));
    }

    private static NotificationOutcome outcome(String tenant, UUID incidentId, Audience audience, Instant at) {
        return new NotificationOutcome(UUID.randomUUID(), tenant, incidentId, UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), audience, NotificationOutcome.Result.DELIVERED, 1, 204, at);
    }
}
