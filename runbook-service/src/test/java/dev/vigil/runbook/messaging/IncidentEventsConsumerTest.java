package dev.vigil.runbook.messaging;

import static dev.vigil.runbook.Fixtures.createRunbook;
import static dev.vigil.runbook.Fixtures.executionsOf;
import static dev.vigil.runbook.Fixtures.newTenant;
import static dev.vigil.runbook.Fixtures.opened;
import static dev.vigil.runbook.Fixtures.operator;
import static dev.vigil.runbook.Fixtures.publish;
import static org.awaitility.Awaitility.await;
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
import java.time.Duration;
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
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final Map<String, String> PROD = Map.of("env", "prod");

    @Test
    void openedIncidentOpensAnExecutionWithTheRunbooksStepsAndAnnouncesIt() throws JsonProcessingException {
        String tenant = newTenant();
        UUID runbookId = createRunbook(tenant, "Web server down", Map.of("check", "http", "env", "prod"));
        IncidentEvent incident = opened(tenant, "http", Map.of("env", "prod", "team", "web"));

        publish(incident);

        List<Map<String, Object>> executions = awaitExecutions(tenant, incident.incidentId(), 1);
        UUID executionId = Execution.idFor(incident.eventId(), runbookId);
        assertEquals(executionId.toString(), executions.get(0).get("id"));
        operator(tenant).get("/v1/executions/" + executionId).then().statusCode(200)
                .body("incidentId", equalTo(incident.incidentId().toString()))
                .body("runbookId", equalTo(runbookId.toString()))
                .body("runbookName", equalTo("Web server down"))
                .body("status", equalTo("open"))
                .body("stepCount", equalTo(2))
                .body("steps", hasSize(2))
                .body("steps[0].position", equalTo(1))
                .body("steps[0].title", equalTo("Check free disk space"))
                .body("steps[0].instructions", equalTo("df -h on the host"))
                .body("steps[0].critical", equalTo(false))
                .body("steps[0].status", equalTo("pending"))
                .body("steps[1].position", equalTo(2))
                .body("steps[1].title", equalTo("Restart the web server"))
                .body("steps[1].critical", equalTo(true))
                .body("steps[1].status", equalTo("pending"));

        UUID eventId = EventIds.derived(executionId, EventTypes.RUNBOOK_EXECUTION_OPENED);
        ConsumerRecord<String, String> announced = awaitRecord(Topics.RUNBOOK,
                r -> eventId.toString().equals(TestInfra.header(r, CloudEventHeaders.ID)));
        assertEquals(EventTypes.RUNBOOK_EXECUTION_OPENED, TestInfra.header(announced, CloudEventHeaders.TYPE));
        assertEquals(tenant, TestInfra.header(announced, CloudEventHeaders.TENANT));
        assertEquals(Keys.incident(tenant, incident.incidentId()), announced.key());
        RunbookExecutionEvent event = Json.read(announced.value(), RunbookExecutionEvent.class);
        assertEquals(new RunbookExecutionEvent(eventId, tenant, executionId, incident.incidentId(), runbookId,
                "Web server down", 2, event.openedAt()), event);
        assertNotNull(event.openedAt());
    }

    @Test
    void incidentMatchingSeveralRunbooksOpensOneExecutionForEach() {
        String tenant = newTenant();
        createRunbook(tenant, "Any http failure", Map.of("check", "http"));
        createRunbook(tenant, "Production", PROD);
        createRunbook(tenant, "Staging", Map.of("env", "staging"));
        IncidentEvent incident = opened(tenant, "http", PROD);

        publish(incident);

        List<Map<String, Object>> executions = awaitExecutions(tenant, incident.incidentId(), 2);
        assertEquals(List.of("Any http failure", "Production"),
                executions.stream().map(e -> (String) e.get("runbookName")).sorted().toList());
    }

    @Test
    void sameEventDeliveredTwiceOpensOneExecution() {
        String tenant = newTenant();
        UUID runbookId = createRunbook(tenant, "Production", PROD);
        IncidentEvent incident = opened(tenant, "http", PROD);
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
        IncidentEvent first = opened(tenant, "http", PROD);
        // a new event id for the same incident, as after a replay of triage's own input
        IncidentEvent again = new IncidentEvent(UUID.randomUUID(), IncidentChange.OPENED, tenant, first.incidentId(),
                first.fingerprint(), first.source(), first.resource(), first.check(), first.severity(),
                first.summary(), first.labels(), 1, first.openedAt(), first.lastSeenAt(), null);
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
        IncidentEvent staging = opened(tenant, "http", Map.of("env", "staging"));
        String key = Keys.incident(tenant, staging.incidentId());

        publish(staging, key);
        publishBarrier(tenant, key);

        assertTrue(executionsOf(tenant, staging.incidentId()).isEmpty());
    }

    @Test
    void updatesAndResolutionsOpenNothing() {
        String tenant = newTenant();
        createRunbook(tenant, "Production", PROD);
        IncidentEvent updated = Fixtures.incident(IncidentChange.UPDATED, tenant, "http", PROD);
        IncidentEvent resolved = Fixtures.incident(IncidentChange.RESOLVED, tenant, "http", PROD);
        String key = Keys.incident(tenant, updated.incidentId());

        publish(updated, key);
        publish(resolved, key);
        publishBarrier(tenant, key);

        assertTrue(executionsOf(tenant, updated.incidentId()).isEmpty());
        assertTrue(executionsOf(tenant, resolved.incidentId()).isEmpty());
    }

    @Test
    void incidentOfAnotherTenantNeverOpensThisTenantsRunbook() {
        String tenantA = newTenant();
        String tenantB = newTenant();
        createRunbook(tenantA, "Production", PROD);
        IncidentEvent ofB = opened(tenantB, "http", PROD);
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
        String unreadable = "{\"change\": \"opened\", \"tenant\": ";
        TestInfra.produce(Topics.INCIDENTS, key, unreadable, Map.of(CloudEventHeaders.ID, UUID.randomUUID().toString(),
                CloudEventHeaders.TYPE, EventTypes.INCIDENT_OPENED));
        String withoutId = Json.write(opened(tenant, "http", PROD));
        TestInfra.produce(Topics.INCIDENTS, key, withoutId, Map.of(CloudEventHeaders.TYPE, EventTypes.INCIDENT_OPENED));

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
        IncidentEvent older = opened(tenant, "http", PROD);
        publish(older);
        awaitExecutions(tenant, older.incidentId(), 1);
        IncidentEvent newer = opened(tenant, "http", PROD);
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
        IncidentEvent incident = opened(tenant, "http", PROD);
        publish(incident);
        String executionId = (String) awaitExecutions(tenant, incident.incidentId(), 1).get(0).get("id");

        operator(newTenant()).get("/v1/executions/" + executionId).then().statusCode(404)
                .contentType("application/problem+json");
    }

    /**
     * Publishes an incident that opens the tenant's production runbook under {@code key} and waits for its
     * execution: once it exists, every earlier record under the same key has been applied.
     */
    private static IncidentEvent publishBarrier(String tenant, String key) {
        IncidentEvent barrier = opened(tenant, "http", PROD);
        publish(barrier, key);
        awaitExecutions(tenant, barrier.incidentId(), 1);
        return barrier;
    }

    private static List<Map<String, Object>> awaitExecutions(String tenant, UUID incidentId, int count) {
        return await().atMost(DEADLINE).until(() -> executionsOf(tenant, incidentId), found -> found.size() == count);
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
