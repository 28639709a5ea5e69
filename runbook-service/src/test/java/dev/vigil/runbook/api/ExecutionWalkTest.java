package dev.vigil.runbook.api;

import static dev.vigil.runbook.Fixtures.DEADLINE;
import static dev.vigil.runbook.Fixtures.as;
import static dev.vigil.runbook.Fixtures.awaitExecutions;
import static dev.vigil.runbook.Fixtures.confirmed;
import static dev.vigil.runbook.Fixtures.createRunbook;
import static dev.vigil.runbook.Fixtures.newTenant;
import static dev.vigil.runbook.Fixtures.openExecution;
import static dev.vigil.runbook.Fixtures.operator;
import static dev.vigil.runbook.Fixtures.publish;
import static dev.vigil.runbook.Fixtures.supervisor;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.vigil.contracts.CloudEventHeaders;
import dev.vigil.contracts.EventIds;
import dev.vigil.contracts.ExecutionChange;
import dev.vigil.contracts.IncidentEvent;
import dev.vigil.contracts.Json;
import dev.vigil.contracts.Keys;
import dev.vigil.contracts.RunbookExecutionEvent;
import dev.vigil.contracts.Topics;
import dev.vigil.platform.security.Roles;
import dev.vigil.testsupport.RawHttp;
import dev.vigil.testsupport.TestInfra;
import dev.vigil.testsupport.UnauthorizedChecks;
import dev.vigil.testsupport.VigilTestResources;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Operators end executions: completed with a note, or abandoned with a reason, once, and triage is told. */
@QuarkusTest
@WithTestResource(value = VigilTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ExecutionClosingTest {
    private static final String PROBLEM = "application/problem+json";
    private static final int CONCURRENT_CLOSES = 8;

    @Test
    void completingAnnouncesTheCompletionWithTheCallerAndTheNote() {
        String tenant = newTenant();
        UUID id = openExecution(tenant);

        JsonPath answer = operator(tenant).body(Map.of("note", "  Disk cleaned up, shop answers again "))
                .post(completePath(id))
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("id", equalTo(id.toString()))
                .body("status", equalTo("completed"))
                .body("closedBy", equalTo("operator@" + tenant))
                .body("closeNote", equalTo("Disk cleaned up, shop answers again"))
                .body("closedAt", notNullValue())
                .body("steps", hasSize(2))
                .extract().jsonPath();
        JsonPath shown = operator(tenant).get("/v1/executions/" + id).then().statusCode(200).extract().jsonPath();
        assertEquals(answer.getMap(""), shown.getMap(""));

        RunbookExecutionEvent event = awaitEvent(tenant, id, ExecutionChange.COMPLETED);
        assertEquals(ExecutionChange.COMPLETED, event.change());
        assertEquals("operator@" + tenant, event.actor());
        assertEquals("Disk cleaned up, shop answers again", event.note());
        assertEquals(Instant.parse(shown.getString("closedAt")), event.occurredAt());
        assertEquals(Instant.parse(shown.getString("openedAt")), event.openedAt());
        assertEquals(UUID.fromString(shown.getString("incidentId")), event.incidentId());
        assertEquals(shown.getString("runbookName"), event.runbookName());
        assertEquals(2, event.stepCount());
    }

    @Test
    void aCompletionNeedsNoBody() {
        String tenant = newTenant();
        UUID bare = openExecution(tenant);
        UUID empty = openExecution(tenant);

        // what curl -X POST sends: no body and no Content-Type
        RawHttp.Answer answer = RawHttp.send(RestAssured.port, "POST " + completePath(bare) + " HTTP/1.1\r\n"
                + "Host: 127.0.0.1\r\nAuthorization: Bearer " + TestInfra.token(Roles.SUPERVISOR, tenant) + "\r\n"
                + "Content-Length: 0\r\nConnection: close\r\n\r\n");
        assertEquals(200, answer.status(), answer.body());
        supervisor(tenant).post(completePath(empty)).then().statusCode(200);

        for (UUID id : List.of(bare, empty)) {
            operator(tenant).get("/v1/executions/" + id).then().statusCode(200)
                    .body("status", equalTo("completed"))
                    .body("closedBy", equalTo("supervisor@" + tenant))
                    .body("closeNote", nullValue());
            assertNull(awaitEvent(tenant, id, ExecutionChange.COMPLETED).note());
        }
    }

    @Test
    void abandoningAnnouncesTheAbandonmentWithTheCallerAndTheReason() {
        String tenant = newTenant();
        UUID id = openExecution(tenant);

        supervisor(tenant).body(Map.of("reason", "The customer replaced the server"))
                .post(abandonPath(id))
                .then().statusCode(200)
                .body("status", equalTo("abandoned"))
                .body("closedBy", equalTo("supervisor@" + tenant))
                .body("closeNote", equalTo("The customer replaced the server"))
                .body("closedAt", notNullValue());
        operator(tenant).get("/v1/executions/" + id).then().statusCode(200)
                .body("status", equalTo("abandoned"))
                .body("closeNote", equalTo("The customer replaced the server"));
        operator(tenant).queryParam("status", "abandoned").get("/v1/executions").then().statusCode(200)
                .body("items.id", equalTo(List.of(id.toString())));

        RunbookExecutionEvent event = awaitEvent(tenant, id, ExecutionChange.ABANDONED);
        assertEquals("supervisor@" + tenant, event.actor());
        assertEquals("The customer replaced the server", event.note());
    }

    @Test
    void aCompletedExecutionCannotBeCompletedAgainNorAbandoned() {
        String tenant = newTenant();
        UUID id = openExecution(tenant);
        operator(tenant).body(Map.of("note", "done")).post(completePath(id)).then().statusCode(200);

        refusedAsEnded(operator(tenant).body(Map.of("note", "done twice")).post(completePath(id)).then(),
                "completed", "completed");
        refusedAsEnded(operator(tenant).body(Map.of("reason", "changed my mind")).post(abandonPath(id)).then(),
                "completed", "abandoned");
        operator(tenant).get("/v1/executions/" + id).then().statusCode(200)
                .body("status", equalTo("completed"))
                .body("closeNote", equalTo("done"));
    }

    @Test
    void anAbandonedExecutionCannotBeCompleted() {
        String tenant = newTenant();
        UUID id = openExecution(tenant);
        operator(tenant).body(Map.of("reason", "not needed")).post(abandonPath(id)).then().statusCode(200);

        refusedAsEnded(operator(tenant).body(Map.of()).post(completePath(id)).then(), "abandoned", "completed");
        operator(tenant).get("/v1/executions/" + id).then().statusCode(200)
                .body("status", equalTo("abandoned"))
                .body("closeNote", equalTo("not needed"));
    }

    @Test
    void concurrentCompletionsCompleteItOnceAndAnnounceItOnce() throws Exception {
        String tenant = newTenant();
        // two executions of one incident share its key, so the second's event is a barrier behind the first's
        createRunbook(tenant, "Restart", Map.of("check", "http"));
        createRunbook(tenant, "Tell the customer", Map.of("check", "http"));
        IncidentEvent incident = confirmed(tenant, "http", Map.of());
        publish(incident);
        List<Map<String, Object>> executions = awaitExecutions(tenant, incident.incidentId(), 2);
        UUID raced = UUID.fromString((String) executions.get(0).get("id"));
        UUID barrier = UUID.fromString((String) executions.get(1).get("id"));

        List<Integer> statuses = completeConcurrently(tenant, raced);
        operator(tenant).post(completePath(barrier)).then().statusCode(200);

        assertEquals(1, statuses.stream().filter(s -> s == 200).count(), "statuses " + statuses);
        assertEquals(CONCURRENT_CLOSES - 1, statuses.stream().filter(s -> s == 409).count(), "statuses " + statuses);
        String barrierId = eventId(barrier, ExecutionChange.COMPLETED).toString();
        List<ConsumerRecord<String, String>> seen = TestInfra.consume(Topics.RUNBOOK, DEADLINE,
                records -> records.stream().anyMatch(r -> barrierId.equals(TestInfra.header(r, CloudEventHeaders.ID))));
        long completions = seen.stream().map(ExecutionClosingTest::eventOf)
                .filter(e -> raced.equals(e.executionId()) && e.change() == ExecutionChange.COMPLETED).count();
        assertEquals(1, completions);
    }

    @Test
    void anAbandonmentWithoutAReasonIsRefusedNamingTheReason() {
        String tenant = newTenant();
        UUID id = openExecution(tenant);

        refusedNaming("reason", operator(tenant).body(Map.of()).post(abandonPath(id)).then());
        refusedNaming("reason", operator(tenant).body(Map.of("reason", "  \t ")).post(abandonPath(id)).then());
        refusedNaming("reason", operator(tenant).body(Map.of("reason", "x".repeat(2001))).post(abandonPath(id)).then());
        refusedNaming("reason", operator(tenant).post(abandonPath(id)).then());
        refusedNaming("note", operator(tenant).body(Map.of("note", "x".repeat(2001))).post(completePath(id)).then());
        operator(tenant).get("/v1/executions/" + id).then().statusCode(200).body("status", equalTo("open"));
    }

    @Test
    void aMalformedIdIsRefusedAndAnUnknownOneIsNotFound() {
        String tenant = newTenant();

        refusedNaming("id", operator(tenant).post("/v1/executions/not-a-uuid/complete").then());
        refusedNaming("id", operator(tenant).body(Map.of("reason", "r")).post("/v1/executions/1-2-3-4-5/abandon")
                .then());
        operator(tenant).post(completePath(UUID.randomUUID())).then().statusCode(404).contentType(PROBLEM);
        operator(tenant).body(Map.of("reason", "r")).post(abandonPath(UUID.randomUUID()))
                .then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void anotherTenantsExecutionIsNotFoundAndStaysOpen() {
        String tenant = newTenant();
        UUID id = openExecution(tenant);
        String stranger = newTenant();

        operator(stranger).post(completePath(id)).then().statusCode(404).contentType(PROBLEM);
        supervisor(stranger).body(Map.of("reason", "not mine")).post(abandonPath(id))
                .then().statusCode(404).contentType(PROBLEM);
        operator(tenant).get("/v1/executions/" + id).then().statusCode(200)
                .body("status", equalTo("open"))
                .body("closedBy", nullValue());
    }

    @Test
    void customersCannotCloseExecutionsAndNobodyCanWithoutAValidToken() {
        String tenant = newTenant();
        UUID id = openExecution(tenant);

        as(Roles.CUSTOMER, tenant).post(completePath(id)).then().statusCode(403).contentType(PROBLEM);
        as(Roles.CUSTOMER, tenant).body(Map.of("reason", "r")).post(abandonPath(id))
                .then().statusCode(403).contentType(PROBLEM);
        UnauthorizedChecks.assertEveryBadTokenIsChallenged(Roles.OPERATOR, tenant, spec -> spec
                .contentType(ContentType.JSON).post(completePath(id)));
        UnauthorizedChecks.assertEveryBadTokenIsChallenged(Roles.OPERATOR, tenant, spec -> spec
                .contentType(ContentType.JSON).body(Map.of("reason", "r")).post(abandonPath(id)));
        operator(tenant).get("/v1/executions/" + id).then().statusCode(200).body("status", equalTo("open"));
    }

    private static List<Integer> completeConcurrently(String tenant, UUID id) throws Exception {
        String token = TestInfra.token(Roles.OPERATOR, tenant);
        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENT_CLOSES);
        try {
            List<Callable<Integer>> closes = new ArrayList<>();
            for (int i = 0; i < CONCURRENT_CLOSES; i++) {
                closes.add(() -> given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("note", "done"))
                        .post(completePath(id)).statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> status : pool.invokeAll(closes)) {
                statuses.add(status.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The event announcing {@code change} of the execution, read from vigil.runbook, after checking its record. */
    private static RunbookExecutionEvent awaitEvent(String tenant, UUID executionId, ExecutionChange change) {
        String wanted = eventId(executionId, change).toString();
        ConsumerRecord<String, String> record = TestInfra.consume(Topics.RUNBOOK, DEADLINE,
                        seen -> seen.stream().anyMatch(r -> wanted.equals(TestInfra.header(r, CloudEventHeaders.ID))))
                .stream().filter(r -> wanted.equals(TestInfra.header(r, CloudEventHeaders.ID))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + change + " event of " + executionId + " within "
                        + DEADLINE));
        RunbookExecutionEvent event = eventOf(record);
        assertEquals(change.eventType(), TestInfra.header(record, CloudEventHeaders.TYPE));
        assertEquals(tenant, TestInfra.header(record, CloudEventHeaders.TENANT));
        assertEquals(Keys.incident(tenant, event.incidentId()), record.key());
        assertEquals(UUID.fromString(wanted), event.eventId());
        assertEquals(executionId, event.executionId());
        return event;
    }

    private static RunbookExecutionEvent eventOf(ConsumerRecord<String, String> record) {
        try {
            return Json.read(record.value(), RunbookExecutionEvent.class);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not a runbook execution event: " + record.value(), e);
        }
    }

    private static UUID eventId(UUID executionId, ExecutionChange change) {
        return EventIds.derived(executionId, change.eventType());
    }

    private static void refusedAsEnded(ValidatableResponse response, String current,
            String wanted) {
        response.statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("urn:vigil:problem:conflict"))
                .body("detail", allOf(containsString("is " + current), containsString("be " + wanted)));
    }

    private static void refusedNaming(String field, ValidatableResponse response) {
        response.statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:vigil:problem:validation"))
                .body("errors.field", hasItem(field));
    }

    private static String completePath(UUID id) {
        return "/v1/executions/" + id + "/complete";
    }

    private static String abandonPath(UUID id) {
        return "/v1/executions/" + id + "/abandon";
    }
}
