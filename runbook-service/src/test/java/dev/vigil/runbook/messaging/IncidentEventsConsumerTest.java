package dev.vigil.runbook.messaging;

import static dev.vigil.runbook.Fixtures.DEADLINE;
import static dev.vigil.runbook.Fixtures.awaitExecutions;
import static dev.vigil.runbook.Fixtures.confirmationOf;
import static dev.vigil.runbook.Fixtures.confirmed;
import static dev.vigil.runbook.Fixtures.createRunbook;
import static dev.vigil.runbook.Fixtures.executionsOf;
import static dev.vigil.runbook.Fixtures.newTenant;
import static dev.vigil.runbook.Fixtures.opened;
import static dev.vigil.runbook.Fixtures.operator;
import static dev.vigil.runbook.Fixtures.publish;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.vigil.contracts.CloudEventHeaders;
import dev.vigil.contracts.EventIds;
import dev.vigil.contracts.EventTypes;
import dev.vigil.contracts.ExecutionChange;
import dev.vigil.contracts.IncidentChange;
import dev.vigil.contracts.IncidentEvent;
import dev.vigil.contracts.Json;
import dev.vigil.contracts.Keys;
import dev.vigil.contracts.RunbookExecutionEvent;
import dev.vigil.contracts.Topics;
import dev.vigil.runbook.Execution;
import dev.vigil.runbook.Fixtures;
import dev.vigil.testsupport.TestInfra;
import dev.vigil.testsupport.VigilTestResources;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = VigilTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class IncidentEventsConsumerTest {
    private static final Map<String, String> PROD = Map.of("env", "prod");

    @Test
    void confirmedIncidentOpensAnExecutionWithTheRunbooksStepsAndAnnouncesIt() throws JsonProcessingException {
        String tenant = newTenant();
        UUID runbookId = createRunbook(tenant, "Web server down", Map.of("check", "http", "env", "prod"));
        IncidentEvent incident = confirmed(tenant, "http", Map.of("env", "prod", "team", "web"));

        publish(incident);

        List<Map<String, Object>> executions = awaitExecutions(tenant, incident.incidentId(), 1);
        UUID executionId = Execution.idFor(incident.eventId(), runbookId);
        assertEquals(executionId.toString(), executions.get(0).get("id"));
        String openedAt = operator(tenant).get("/v1/executions/" + executionId).then().statusCode(200)
                .body("incidentId", equalTo(incident.incidentId().toString()))
                .body("runbookId", equalTo(runbookId.toString()))
                .body("runbookName", equalTo("Web server down"))
                .body("status", equalTo("open"))
                .body("stepCount", equalTo(2))
                .body("closedAt", nullValue())
                .body("closedBy", nullValue())
                .body("closeNote", nullValue())
                .body("steps", hasSize(2))
                .body("steps[0].position", equalTo(1))
                .body("steps[0].title", equalTo("Check free disk space"))
                .body("steps[0].instructions", equalTo("df -h on the host"))
                .body("steps[0].critical", equalTo(false))
                .body("steps[0].status", equalTo("pending"))
                .body("steps[1].position", equalTo(2))
                .body("steps[1].title", equalTo("Restart the web server"))
                .body("steps[1].critical", equalTo(true))
                .body("steps[1].status", equalTo("pending"))
                .extract().path("openedAt");

        UUID eventId = EventIds.derived(executionId, EventTypes.RUNBOOK_EXECUTION_OPENED);
        ConsumerRecord<String, String> announced = awaitRecord(Topics.RUNBOOK,
                r -> eventId.toString().equals(TestInfra.header(r, CloudEventHeaders.ID)));
        assertEquals(EventTypes.RUNBOOK_EXECUTION_OPENED, TestInfra.header(announced, CloudEventHeaders.TYPE));
        assertEquals(tenant, TestInfra.header(announced, CloudEventHeaders.TENANT));
        assertEquals(Keys.incident(tenant, incident.incidentId()), announced.key());
        RunbookExecutionEvent event = Json.read(announced.value(), RunbookExecutionEvent.class);
        Instant opened = Instant.parse(openedAt);
        assertEquals(new RunbookExecutionEvent(eventId, ExecutionChange.OPENED, tenant, executionId,
                incident.incidentId(), runbookId, "Web server down", 2, opened, "runbook", null, opened), event);
    }

    @Test
    void openedIncidentOpensNothingUntilAPersonConfirmsIt() {
        String tenant = newTenant();
        assertOpensOnlyOnItsConfirmation(tenant, opened(tenant, "http", PROD));
    }

    @Test
    void incidentThePolicyConfirmsOpensOnItsConfirmationNotItsOpening() {
        String tenant = newTenant();
        // triage announces an auto-confirmed incident twice: opened (already confirmed), then confirmed
        assertOpensOnlyOnItsConfirmation(tenant, Fixtures.incident(IncidentChange.OPENED, tenant, "http", PROD));
    }

    @Test
    void incidentMatchingSeveralRunbooksOpensOneExecutionForEach() {
        String tenant = newTenant();
        createRunbook(tenant, "Any http failure", Map.of("check", "http"));
        createRunbook(tenant, "Production", PROD);
        createRunbook(tenant, "Staging", Map.of("env", "staging"));
        IncidentEvent incident = confirmed(tenant, "http", PROD);

        publish(incident);

        List<Map<String, Object>> executions = awaitExecutions(tenant, incident.incidentId(), 2);
        assertEquals(List.of("Any http failure", "Production"),
                executions.stream().map(e -> (String) e.get("runbookName")).sorted().toList());
    }

    @Test
    void sameEventDeliveredTwiceOpensOneExecution() {
        String tenant = newTenant();
        UUID runbookId = createRunbook(tenant, "Production", PROD);
        IncidentEvent incident = confirmed(tenant, "http", PROD);
        String key = Keys.incident(tenant, incident.incidentId());

        publish(incident, key);
        awaitExecutions(tenant, incident.incidentId(), 1);
        // the copy comes in a later batch, once the first was committed: only the inbox can drop it
        publish(incident, key);
        IncidentEvent barrier = publishBarrier(tenant, key);

        assertEquals(1, executionsOf(tenant, incident.incidentId()).size());
        UUID executionId = Execution.idFor(incident.eventId(), runbookId);
        String announcedId = EventIds.derived(executionId, EventTypes.RUNBOOK_EXECUTION_OPENED).toString();
        String barrierId = EventIds.derived(Execution.idFor(barrier.eventId(), runbookId),
                EventTypes.RUNBOOK_EXECUTION_OPENED).toString();
        List<ConsumerRecord<String, String>> announced = TestInfra.consume(Topics.RUNBOOK, DEADLINE,
                seen -> ids(seen).contains(announcedId) && ids(seen).contains(barrierId));
        assertEquals(1, ids(announced).stream().filter(announcedId::equals).count());
    }

    @Test
    void secondAnnouncementOfTheSameIncidentOpensNoSecondExecution() {
        String tenant = newTenant();
        createRunbook(tenant, "Production", PROD);
        IncidentEvent first = confirmed(tenant, "http", PROD);
        // a new event id for the same incident, as after a replay of triage's own input
        IncidentEvent again = confirmationOf(first);
        String key = Keys.incident(tenant, first.incidentId());

        publish(first, key);
        publish(again, key);
        publishBarrier(tenant, key);

        assertEquals(1, executionsOf(tenant, first.incidentId()).size());
    }

    @Test
    void incidentMatchingNoRunbookOpensNone() {
        String tenant = newTenant();
        createRunbook(tenant, "Production", PROD);
        IncidentEvent staging = confirmed(tenant, "http", Map.of("env", "staging"));
        String key = Keys.incident(tenant, staging.incidentId());

        publish(staging, key);
        publishBarrier(tenant, key);

        assertTrue(executionsOf(tenant, staging.incidentId()).isEmpty());
    }

    @Test
    void noChangeButAConfirmationOpensAnExecution() {
        String tenant = newTenant();
        createRunbook(tenant, "Production", PROD);
        String key = tenant + "/every-change";
        // each a change of a confirmed incident, the strongest case: only the change itself may open executions
        List<IncidentEvent> others = Arrays.stream(IncidentChange.values())
                .filter(change -> change != IncidentChange.CONFIRMED)
                .map(change -> Fixtures.incident(change, tenant, "http", PROD))
                .toList();

        others.forEach(event -> publish(event, key));
        publishBarrier(tenant, key);

        others.forEach(event -> assertTrue(executionsOf(tenant, event.incidentId()).isEmpty(),
                () -> event.change() + " opened an execution"));
    }

    @Test
    void incidentOfAnotherTenantNeverOpensThisTenantsRunbook() {
        String tenantA = newTenant();
        String tenantB = newTenant();
        createRunbook(tenantA, "Production", PROD);
        IncidentEvent ofB = confirmed(tenantB, "http", PROD);
        String key = Keys.incident(tenantB, ofB.incidentId());

        publish(ofB, key);
        publishBarrier(tenantA, key);

        assertTrue(executionsOf(tenantA, ofB.incidentId()).isEmpty());
        assertTrue(executionsOf(tenantB, ofB.incidentId()).isEmpty());
    }

    @Test
    void poisonRecordsAreDeadLetteredAndTheRecordsAfterThemStillApply() {
        String tenant = newTenant();
        createRunbook(tenant, "Production", PROD);
        String key = tenant + "/poison";
        String unreadable = "{\"change\": \"confirmed\", \"tenant\": ";
        TestInfra.produce(Topics.INCIDENTS, key, unreadable, Map.of(CloudEventHeaders.ID, UUID.randomUUID().toString(),
                CloudEventHeaders.TYPE, EventTypes.INCIDENT_CONFIRMED));
        String withoutId = Json.write(confirmed(tenant, "http", PROD));
        TestInfra.produce(Topics.INCIDENTS, key, withoutId, Map.of(CloudEventHeaders.TYPE, EventTypes.INCIDENT_CONFIRMED));

        publishBarrier(tenant, key);

        List<ConsumerRecord<String, String>> parked = TestInfra.consume(Topics.DLQ_RUNBOOK, DEADLINE,
                seen -> seen.stream().filter(r -> key.equals(r.key())).count() >= 2);
        List<ConsumerRecord<String, String>> ours = parked.stream().filter(r -> key.equals(r.key())).toList();
        assertEquals(List.of(unreadable, withoutId), ours.stream().map(ConsumerRecord::value).toList());
        ours.forEach(r -> assertNotNull(TestInfra.header(r, "dead-letter-reason")));
        assertEquals(Topics.INCIDENTS, TestInfra.header(ours.get(0), "dead-letter-topic"));
    }

    @Test
    void executionsAreListedNewestFirstWithinTheLimit() {
        String tenant = newTenant();
        createRunbook(tenant, "Production", PROD);
        IncidentEvent older = confirmed(tenant, "http", PROD);
        publish(older);
        awaitExecutions(tenant, older.incidentId(), 1);
        IncidentEvent newer = confirmed(tenant, "http", PROD);
        publish(newer);
        awaitExecutions(tenant, newer.incidentId(), 1);

        operator(tenant).get("/v1/executions").then().statusCode(200)
                .body("items.incidentId",
                        equalTo(List.of(newer.incidentId().toString(), older.incidentId().toString())));
        operator(tenant).queryParam("limit", 1).queryParam("status", "open").get("/v1/executions")
                .then().statusCode(200)
                .body("items.incidentId", equalTo(List.of(newer.incidentId().toString())))
                .body("items[0].steps", nullValue());
    }

    @Test
    void anotherTenantsExecutionIsNotFound() {
        String tenant = newTenant();
        createRunbook(tenant, "Production", PROD);
        IncidentEvent incident = confirmed(tenant, "http", PROD);
        publish(incident);
        String executionId = (String) awaitExecutions(tenant, incident.incidentId(), 1).get(0).get("id");

        operator(newTenant()).get("/v1/executions/" + executionId).then().statusCode(404)
                .contentType("application/problem+json");
    }

    /**
     * Publishes a confirmed incident that opens the tenant's production runbook under {@code key} and waits for its
     * execution: once it exists, every earlier record under the same key has been applied.
     */
    private static IncidentEvent publishBarrier(String tenant, String key) {
        IncidentEvent barrier = confirmed(tenant, "http", PROD);
        publish(barrier, key);
        awaitExecutions(tenant, barrier.incidentId(), 1);
        return barrier;
    }

    /** {@code opening} opens no execution of the tenant's production runbook; the incident's confirmation does. */
    private static void assertOpensOnlyOnItsConfirmation(String tenant, IncidentEvent opening) {
        UUID runbookId = createRunbook(tenant, "Production", PROD);
        String key = Keys.incident(tenant, opening.incidentId());

        publish(opening, key);
        publishBarrier(tenant, key);
        assertTrue(executionsOf(tenant, opening.incidentId()).isEmpty());

        IncidentEvent confirmation = confirmationOf(opening);
        publish(confirmation, key);
        assertEquals(Execution.idFor(confirmation.eventId(), runbookId).toString(),
                awaitExecutions(tenant, opening.incidentId(), 1).get(0).get("id"));
    }

    private static ConsumerRecord<String, String> awaitRecord(String topic,
            Predicate<ConsumerRecord<String, String>> wanted) {
        return TestInfra.consume(topic, DEADLINE, seen -> seen.stream().anyMatch(wanted)).stream()
                .filter(wanted).findFirst()
                .orElseThrow(() -> new AssertionError("nothing wanted on " + topic + " within " + DEADLINE));
    }

    private static List<String> ids(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(r -> TestInfra.header(r, CloudEventHeaders.ID)).filter(Objects::nonNull).toList();
    }
}
