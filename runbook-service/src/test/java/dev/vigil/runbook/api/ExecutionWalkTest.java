package dev.vigil.runbook.api;

import static dev.vigil.runbook.Fixtures.conflict;
import static dev.vigil.runbook.Fixtures.refusedNaming;
import static dev.vigil.runbook.Fixtures.stepPath;
import static dev.vigil.runbook.Fixtures.DEADLINE;
import static dev.vigil.runbook.Fixtures.as;
import static dev.vigil.runbook.Fixtures.awaitExecutions;
import static dev.vigil.runbook.Fixtures.confirmed;
import static dev.vigil.runbook.Fixtures.createRunbook;
import static dev.vigil.runbook.Fixtures.newTenant;
import static dev.vigil.runbook.Fixtures.openExecution;
import static dev.vigil.runbook.Fixtures.operator;
import static dev.vigil.runbook.Fixtures.operatorNamed;
import static dev.vigil.runbook.Fixtures.publish;
import static dev.vigil.runbook.Fixtures.supervisor;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.vigil.contracts.CloudEventHeaders;
import dev.vigil.contracts.EventIds;
import dev.vigil.contracts.EventTypes;
import dev.vigil.contracts.ExecutionChange;
import dev.vigil.contracts.IncidentEvent;
import dev.vigil.contracts.Json;
import dev.vigil.contracts.Keys;
import dev.vigil.contracts.RecoveryStepEvent;
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
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
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

/**
 * People on shift walk an execution's steps: in order, a second person verifying the critical one, every move on
 * an append-only timeline, and the last step completing the execution, which triage hears. Or they abandon it.
 */
@QuarkusTest
@WithTestResource(value = VigilTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ExecutionWalkTest {
    private static final String PROBLEM = "application/problem+json";
    private static final int CONCURRENT_MOVES = 8;

    @Inject
    Pool pool;

    @Test
    void twoPeopleWalkTheStepsAndTheLastVerificationCompletesTheExecution() {
        String tenant = newTenant();
        UUID id = openExecution(tenant);
        String ana = "ana@" + tenant;
        String ben = "ben@" + tenant;

        operatorNamed(ana, tenant).post(stepPath(id, 1, "start")).then().statusCode(200)
                .body("status", equalTo("open"))
                .body("steps[0].status", equalTo("in-progress"))
                .body("steps[0].startedBy", equalTo(ana))
                .body("steps[0].startedAt", notNullValue())
                .body("steps[1].status", equalTo("pending"));
        operatorNamed(ana, tenant).body(Map.of("note", " 12 GB free ")).post(stepPath(id, 1, "complete"))
                .then().statusCode(200)
                .body("steps[0].status", equalTo("done"))
                .body("steps[0].finishedBy", equalTo(ana))
                .body("steps[0].note", equalTo("12 GB free"))
                .body("steps[0].verifiedBy", nullValue());
        operatorNamed(ana, tenant).post(stepPath(id, 2, "start")).then().statusCode(200);
        operatorNamed(ana, tenant).body(Map.of("note", "restarted at 03:12")).post(stepPath(id, 2, "complete"))
                .then().statusCode(200)
                .body("status", equalTo("open"))
                .body("steps[1].status", equalTo("awaiting-verification"));

        conflict(operatorNamed(ana, tenant).post(stepPath(id, 2, "verify")).then(),
                "Step 2 is critical and needs a second person: " + ana + " carried it out, so someone else must"
                        + " verify it");

        JsonPath verified = operatorNamed(ben, tenant).body(Map.of("note", "shop answers in 180 ms"))
                .post(stepPath(id, 2, "verify")).then().statusCode(200)
                .body("status", equalTo("completed"))
                .body("closedBy", equalTo(ben))
                .body("closedAt", notNullValue())
                .body("steps[1].status", equalTo("done"))
                .body("steps[1].finishedBy", equalTo(ana))
                .body("steps[1].verifiedBy", equalTo(ben))
                .body("steps[1].note", equalTo("restarted at 03:12"))
                .extract().jsonPath();
        JsonPath shown = operator(tenant).get("/v1/executions/" + id).then().statusCode(200).extract().jsonPath();
        assertEquals(verified.getMap(""), shown.getMap(""));

        RunbookExecutionEvent event = awaitEvent(tenant, id, ExecutionChange.COMPLETED);
        assertEquals(ben, event.actor());
        assertEquals(Instant.parse(shown.getString("closedAt")), event.occurredAt());
        assertEquals(UUID.fromString(shown.getString("incidentId")), event.incidentId());
        assertEquals(2, event.stepCount());

        List<Map<String, Object>> timeline = operator(tenant).get(timelinePath(id)).then().statusCode(200)
                .body("nextCursor", nullValue())
                .extract().jsonPath().getList("items");
        assertEquals(List.of("1 runbook opened null", "2 " + ana + " step-started 1", "3 " + ana + " step-done 1",
                        "4 " + ana + " step-started 2", "5 " + ana + " verification-requested 2",
                        "6 " + ben + " step-verified 2", "7 " + ben + " completed null"),
                timeline.stream().map(e -> e.get("seq") + " " + e.get("actor") + " " + e.get("action") + " "
                        + e.get("step")).toList());
        assertEquals("restarted at 03:12", timeline.get(4).get("note"));
        assertEquals("shop answers in 180 ms", timeline.get(5).get("note"));
    }

    @Test
    void eachStepTheCustomerMaySeeIsAnnouncedOnceItIsDoneAndVerified() {
        String tenant = newTenant();
        String check = "check-" + UUID.randomUUID();
        supervisor(tenant).body(Map.of("name", "Database down " + check, "match", Map.of("check", check),
                        "steps", List.of(
                                Map.of("title", "Check the database server", "critical", false,
                                        "customerVisible", true),
                                Map.of("title", "Read the logs", "critical", false),
                                Map.of("title", "Restart the database", "critical", true, "customerVisible", true))))
                .post("/v1/runbooks").then().statusCode(201);
        IncidentEvent incident = confirmed(tenant, check, Map.of());
        publish(incident);
        UUID id = UUID.fromString((String) awaitExecutions(tenant, incident.incidentId(), 1).get(0).get("id"));
        String ana = "ana@" + tenant;
        String ben = "ben@" + tenant;

        for (int step = 1; step <= 3; step++) {
            operatorNamed(ana, tenant).post(stepPath(id, step, "start")).then().statusCode(200);
            operatorNamed(ana, tenant).post(stepPath(id, step, "complete")).then().statusCode(200);
        }
        operatorNamed(ben, tenant).post(stepPath(id, 3, "verify")).then().statusCode(200);
        awaitEvent(tenant, id, ExecutionChange.COMPLETED);

        List<RecoveryStepEvent> told = TestInfra.consume(Topics.RUNBOOK, DEADLINE, seen -> seen.stream()
                        .anyMatch(r -> r.key().equals(Keys.incident(tenant, incident.incidentId()))
                                && ExecutionChange.COMPLETED.eventType().equals(
                                        TestInfra.header(r, CloudEventHeaders.TYPE))))
                .stream().filter(r -> EventTypes.RUNBOOK_STEP_DONE.equals(TestInfra.header(r, CloudEventHeaders.TYPE)))
                .filter(r -> r.key().equals(Keys.incident(tenant, incident.incidentId())))
                .map(r -> read(r.value(), RecoveryStepEvent.class)).toList();
        assertEquals(List.of(1, 3), told.stream().map(RecoveryStepEvent::step).toList(),
                "the hidden step tells nothing; the critical one tells once verified");
        RecoveryStepEvent first = told.get(0);
        assertEquals("Check the database server", first.stepTitle());
        assertEquals(1, first.visibleDone());
        assertEquals(2, first.visibleTotal());
        assertEquals("Restart the database", first.nextStepTitle());
        assertEquals("web-1", first.resource());
        assertEquals(incident.severity(), first.severity());
        RecoveryStepEvent last = told.get(1);
        assertEquals(2, last.visibleDone());
        assertEquals(null, last.nextStepTitle());
        assertEquals(EventIds.derived(id, EventTypes.RUNBOOK_STEP_DONE, "3"), last.eventId());
    }

    @Test
    void stepsAreWalkedInOrderAndSkippingOrFailingSaysWhy() {
        String tenant = newTenant();
        UUID id = openExecution(tenant);

        conflict(operator(tenant).post(stepPath(id, 2, "start")).then(), "Steps are walked in order, and step 1"
                + " 'Check free disk space' is pending: it must be done or skipped before step 2");
        refusedNaming("note", operator(tenant).post(stepPath(id, 1, "skip")).then());
        refusedNaming("note", operator(tenant).body(Map.of("note", " ")).post(stepPath(id, 1, "skip")).then());
        operator(tenant).body(Map.of("note", "disk is watched by the monitoring")).post(stepPath(id, 1, "skip"))
                .then().statusCode(200).body("steps[0].status", equalTo("skipped"));

        operator(tenant).post(stepPath(id, 2, "start")).then().statusCode(200);
        refusedNaming("note", operator(tenant).post(stepPath(id, 2, "fail")).then());
        operator(tenant).body(Map.of("note", "the service does not come up")).post(stepPath(id, 2, "fail"))
                .then().statusCode(200)
                .body("steps[1].status", equalTo("failed"))
                .body("steps[1].note", equalTo("the service does not come up"));
        conflict(operator(tenant).post(stepPath(id, 2, "complete")).then(), "start it first");
        operator(tenant).post(stepPath(id, 2, "start")).then().statusCode(200)
                .body("steps[1].status", equalTo("in-progress"))
                .body("steps[1].note", nullValue());
    }

    @Test
    void concurrentStartsOfOneStepStartItOnce() throws Exception {
        String tenant = newTenant();
        UUID id = openExecution(tenant);

        List<Integer> statuses = concurrently(tenant, stepPath(id, 1, "start"));

        assertEquals(1, statuses.stream().filter(s -> s == 200).count(), "statuses " + statuses);
        assertEquals(CONCURRENT_MOVES - 1, statuses.stream().filter(s -> s == 409).count(), "statuses " + statuses);
        long starts = operator(tenant).get(timelinePath(id)).then().statusCode(200).extract().jsonPath()
                .getList("items.action").stream().filter("step-started"::equals).count();
        assertEquals(1, starts);
    }

    @Test
    void theTimelineTakesNotesAndCorrectionsButNeverChanges() {
        String tenant = newTenant();
        UUID id = openExecution(tenant);
        operator(tenant).post(stepPath(id, 1, "start")).then().statusCode(200);

        operator(tenant).body(Map.of("note", "customer says the shop is slow since 02:50"))
                .post(timelinePath(id)).then().statusCode(201)
                .body("action", equalTo("note"))
                .body("seq", equalTo(3))
                .body("actor", equalTo("operator@" + tenant))
                .body("at", notNullValue());
        supervisor(tenant).body(Map.of("note", "it was slow since 02:30", "corrects", 3))
                .post(timelinePath(id)).then().statusCode(201)
                .body("action", equalTo("correction"))
                .body("seq", equalTo(4))
                .body("corrects", equalTo(3))
                .body("actor", equalTo("supervisor@" + tenant));

        refusedNaming("corrects", operator(tenant).body(Map.of("note", "x", "corrects", 9)).post(timelinePath(id))
                .then());
        refusedNaming("note", operator(tenant).body(Map.of()).post(timelinePath(id)).then());
        refusedNaming("note", operator(tenant).body(Map.of("note", "x".repeat(2001))).post(timelinePath(id)).then());
        refusedNaming("corrects", operator(tenant).body(Map.of("note", "x", "corrects", 0)).post(timelinePath(id))
                .then());

        // the database itself refuses to edit or delete an entry, whoever asks
        for (String sql : List.of("update execution_entry set note = 'rewritten' where execution_id = $1",
                "delete from execution_entry where execution_id = $1")) {
            RuntimeException refused = assertThrows(RuntimeException.class,
                    () -> pool.preparedQuery(sql).execute(Tuple.of(id)).await().indefinitely());
            assertTrue(refused.getMessage().contains("append-only"), refused.getMessage());
        }
        operator(tenant).get(timelinePath(id)).then().statusCode(200)
                .body("items.action", equalTo(List.of("opened", "step-started", "note", "correction")))
                .body("items[2].note", equalTo("customer says the shop is slow since 02:50"));
        // read a page at a time, oldest first
        String cursor = operator(tenant).queryParam("limit", 3).get(timelinePath(id)).then().statusCode(200)
                .body("items.seq", equalTo(List.of(1, 2, 3)))
                .extract().path("nextCursor");
        operator(tenant).queryParam("limit", 3).queryParam("cursor", cursor).get(timelinePath(id)).then()
                .statusCode(200)
                .body("items.seq", equalTo(List.of(4)))
                .body("nextCursor", nullValue());
        refusedNaming("cursor", operator(tenant).queryParam("cursor", "nonsense").get(timelinePath(id)).then());
    }

    @Test
    void abandoningAnnouncesTheAbandonmentAndFreezesTheSteps() {
        String tenant = newTenant();
        UUID id = openExecution(tenant);

        supervisor(tenant).body(Map.of("reason", "The customer replaced the server"))
                .post(abandonPath(id))
                .then().statusCode(200)
                .body("status", equalTo("abandoned"))
                .body("closedBy", equalTo("supervisor@" + tenant))
                .body("closeNote", equalTo("The customer replaced the server"))
                .body("closedAt", notNullValue());
        operator(tenant).queryParam("status", "abandoned").get("/v1/executions").then().statusCode(200)
                .body("items.id", equalTo(List.of(id.toString())));
        operator(tenant).get(timelinePath(id)).then().statusCode(200)
                .body("items.action", equalTo(List.of("opened", "abandoned")))
                .body("items[1].note", equalTo("The customer replaced the server"));

        RunbookExecutionEvent event = awaitEvent(tenant, id, ExecutionChange.ABANDONED);
        assertEquals("supervisor@" + tenant, event.actor());
        assertEquals("The customer replaced the server", event.note());

        conflict(operator(tenant).post(stepPath(id, 1, "start")).then(),
                "The execution is abandoned; its steps can no longer change");
        conflict(operator(tenant).body(Map.of("reason", "again")).post(abandonPath(id)).then(),
                "The execution is abandoned; it cannot be abandoned");
        // the record can still be set right after the end
        operator(tenant).body(Map.of("note", "server swap was ticket OPS-1234")).post(timelinePath(id))
                .then().statusCode(201).body("seq", equalTo(3));
    }

    @Test
    void aCompletedExecutionCannotBeAbandoned() {
        String tenant = newTenant();
        UUID id = openExecution(tenant);
        walkToTheEnd(tenant, id);

        conflict(operator(tenant).body(Map.of("reason", "changed my mind")).post(abandonPath(id)).then(),
                "The execution is completed; it cannot be abandoned");
        operator(tenant).get("/v1/executions/" + id).then().statusCode(200).body("status", equalTo("completed"));
    }

    @Test
    void aMoveNeedsNoBody() {
        String tenant = newTenant();
        UUID id = openExecution(tenant);

        // what curl -X POST sends: no body and no Content-Type
        RawHttp.Answer answer = RawHttp.send(RestAssured.port, "POST " + stepPath(id, 1, "start") + " HTTP/1.1\r\n"
                + "Host: 127.0.0.1\r\nAuthorization: Bearer " + TestInfra.token(Roles.OPERATOR, tenant) + "\r\n"
                + "Content-Length: 0\r\nConnection: close\r\n\r\n");
        assertEquals(200, answer.status(), answer.body());
    }

    @Test
    void malformedOrUnknownStepsMovesAndExecutionsAreAnsweredClearly() {
        String tenant = newTenant();
        UUID id = openExecution(tenant);

        refusedNaming("n", operator(tenant).post(stepPath(id, 0, "start")).then());
        refusedNaming("n", operator(tenant).post("/v1/executions/" + id + "/steps/one/start").then());
        refusedNaming("n", operator(tenant).post("/v1/executions/" + id + "/steps/99999999999/start").then());
        operator(tenant).post(stepPath(id, 3, "start")).then().statusCode(404).contentType(PROBLEM)
                .body("detail", equalTo("The execution has no step 3; its steps are 1 to 2"));
        operator(tenant).post(stepPath(id, 1, "explode")).then().statusCode(404).contentType(PROBLEM)
                .body("detail", containsString("start, complete, skip, fail or verify"));
        refusedNaming("note", operator(tenant).body(Map.of("note", "x".repeat(2001))).post(stepPath(id, 1, "start"))
                .then());
        refusedNaming("id", operator(tenant).post("/v1/executions/not-a-uuid/steps/1/start").then());
        refusedNaming("id", operator(tenant).get("/v1/executions/not-a-uuid/timeline").then());
        refusedNaming("id", operator(tenant).body(Map.of("reason", "r")).post("/v1/executions/1-2-3-4-5/abandon")
                .then());
        operator(tenant).post(stepPath(UUID.randomUUID(), 1, "start")).then().statusCode(404).contentType(PROBLEM);
        operator(tenant).get(timelinePath(UUID.randomUUID())).then().statusCode(404).contentType(PROBLEM);
        operator(tenant).body(Map.of("reason", "r")).post(abandonPath(UUID.randomUUID()))
                .then().statusCode(404).contentType(PROBLEM);
        refusedNaming("reason", operator(tenant).body(Map.of()).post(abandonPath(id)).then());
        refusedNaming("reason", operator(tenant).post(abandonPath(id)).then());
        operator(tenant).get("/v1/executions/" + id).then().statusCode(200)
                .body("status", equalTo("open"))
                .body("steps.status", equalTo(List.of("pending", "pending")));
    }

    @Test
    void anotherTenantsExecutionIsNotFoundAndStaysAsItWas() {
        String tenant = newTenant();
        UUID id = openExecution(tenant);
        String stranger = newTenant();

        operator(stranger).post(stepPath(id, 1, "start")).then().statusCode(404).contentType(PROBLEM);
        operator(stranger).get(timelinePath(id)).then().statusCode(404).contentType(PROBLEM);
        operator(stranger).body(Map.of("note", "mine now")).post(timelinePath(id)).then().statusCode(404);
        supervisor(stranger).body(Map.of("reason", "not mine")).post(abandonPath(id))
                .then().statusCode(404).contentType(PROBLEM);
        operator(tenant).get("/v1/executions/" + id).then().statusCode(200)
                .body("status", equalTo("open"))
                .body("steps[0].status", equalTo("pending"));
        operator(tenant).get(timelinePath(id)).then().statusCode(200)
                .body("items.action", equalTo(List.of("opened")));
    }

    @Test
    void customersCannotWalkStepsAndNobodyCanWithoutAValidToken() {
        String tenant = newTenant();
        UUID id = openExecution(tenant);

        as(Roles.CUSTOMER, tenant).post(stepPath(id, 1, "start")).then().statusCode(403).contentType(PROBLEM);
        as(Roles.CUSTOMER, tenant).get(timelinePath(id)).then().statusCode(403).contentType(PROBLEM);
        as(Roles.CUSTOMER, tenant).body(Map.of("reason", "r")).post(abandonPath(id))
                .then().statusCode(403).contentType(PROBLEM);
        UnauthorizedChecks.assertEveryBadTokenIsChallenged(Roles.OPERATOR, tenant, spec -> spec
                .contentType(ContentType.JSON).post(stepPath(id, 1, "start")));
        UnauthorizedChecks.assertEveryBadTokenIsChallenged(Roles.OPERATOR, tenant, spec -> spec
                .contentType(ContentType.JSON).body(Map.of("note", "n")).post(timelinePath(id)));
        operator(tenant).get("/v1/executions/" + id).then().statusCode(200)
                .body("steps[0].status", equalTo("pending"));
    }

    @Test
    void twoExecutionsOfOneIncidentAreWalkedApart() {
        String tenant = newTenant();
        createRunbook(tenant, "Restart", Map.of("check", "http"));
        createRunbook(tenant, "Tell the customer", Map.of("check", "http"));
        IncidentEvent incident = confirmed(tenant, "http", Map.of());
        publish(incident);
        List<Map<String, Object>> executions = awaitExecutions(tenant, incident.incidentId(), 2);
        UUID first = UUID.fromString((String) executions.get(0).get("id"));
        UUID second = UUID.fromString((String) executions.get(1).get("id"));

        walkToTheEnd(tenant, first);

        operator(tenant).get("/v1/executions/" + second).then().statusCode(200)
                .body("status", equalTo("open"))
                .body("steps.status", equalTo(List.of("pending", "pending")));
        awaitEvent(tenant, first, ExecutionChange.COMPLETED);
    }

    /** Walks the fixture's two steps, the critical second verified by another person. */
    private static void walkToTheEnd(String tenant, UUID id) {
        operator(tenant).post(stepPath(id, 1, "start")).then().statusCode(200);
        operator(tenant).post(stepPath(id, 1, "complete")).then().statusCode(200);
        operator(tenant).post(stepPath(id, 2, "start")).then().statusCode(200);
        operator(tenant).post(stepPath(id, 2, "complete")).then().statusCode(200);
        supervisor(tenant).post(stepPath(id, 2, "verify")).then().statusCode(200)
                .body("status", equalTo("completed"));
    }

    private static List<Integer> concurrently(String tenant, String path) throws Exception {
        String token = TestInfra.token(Roles.OPERATOR, tenant);
        ExecutorService threads = Executors.newFixedThreadPool(CONCURRENT_MOVES);
        try {
            List<Callable<Integer>> moves = new ArrayList<>();
            for (int i = 0; i < CONCURRENT_MOVES; i++) {
                moves.add(() -> given().auth().oauth2(token).contentType(ContentType.JSON).post(path).statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> status : threads.invokeAll(moves)) {
                statuses.add(status.get());
            }
            return statuses;
        } finally {
            threads.shutdownNow();
        }
    }

    /** The event announcing {@code change} of the execution, read from vigil.runbook, after checking its record. */
    private static RunbookExecutionEvent awaitEvent(String tenant, UUID executionId, ExecutionChange change) {
        String wanted = EventIds.derived(executionId, change.eventType()).toString();
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
        assertEquals(change, event.change());
        return event;
    }

    private static RunbookExecutionEvent eventOf(ConsumerRecord<String, String> record) {
        return read(record.value(), RunbookExecutionEvent.class);
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return Json.read(json, type);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not a " + type.getSimpleName() + ": " + json, e);
        }
    }

    private static String timelinePath(UUID id) {
        return "/v1/executions/" + id + "/timeline";
    }

    private static String abandonPath(UUID id) {
        return "/v1/executions/" + id + "/abandon";
    }
}
