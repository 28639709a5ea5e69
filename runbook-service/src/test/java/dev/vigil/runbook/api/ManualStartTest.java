package dev.vigil.runbook.api;

import static dev.vigil.runbook.Fixtures.CHECK_DISK_STEP;
import static dev.vigil.runbook.Fixtures.DEADLINE;
import static dev.vigil.runbook.Fixtures.RESTART_STEP;
import static dev.vigil.runbook.Fixtures.conflict;
import static dev.vigil.runbook.Fixtures.createRunbook;
import static dev.vigil.runbook.Fixtures.newTenant;
import static dev.vigil.runbook.Fixtures.operator;
import static dev.vigil.runbook.Fixtures.operatorNamed;
import static dev.vigil.runbook.Fixtures.opened;
import static dev.vigil.runbook.Fixtures.publish;
import static dev.vigil.runbook.Fixtures.refusedNaming;
import static dev.vigil.runbook.Fixtures.supervisor;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.vigil.contracts.CloudEventHeaders;
import dev.vigil.contracts.ExecutionChange;
import dev.vigil.contracts.IncidentEvent;
import dev.vigil.contracts.Json;
import dev.vigil.contracts.RunbookExecutionEvent;
import dev.vigil.contracts.Topics;
import dev.vigil.platform.security.Roles;
import dev.vigil.testsupport.TestInfra;
import dev.vigil.testsupport.VigilTestResources;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * An operator starts a runbook by hand for an incident no runbook matched: the tenant's own or a shared one, once
 * per incident and runbook, announced on vigil.runbook like one a confirmation opens.
 */
@QuarkusTest
@WithTestResource(value = VigilTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ManualStartTest {
    private static final String PROBLEM = "application/problem+json";

    @Test
    void anOperatorStartsTheTenantsRunbookForAnUndecidedIncidentOnce() {
        String tenant = newTenant();
        UUID runbook = createRunbook(tenant, "Database down", Map.of("check", "never-" + UUID.randomUUID()));
        IncidentEvent incident = opened(tenant, "postgres", Map.of());
        publish(incident);
        Map<String, Object> start = Map.of("runbookId", runbook.toString(), "incidentId",
                incident.incidentId().toString());

        // the incident's first event may still be on its way
        String id = await().atMost(DEADLINE).until(() -> operatorNamed("aiko", tenant).body(start)
                        .post("/v1/executions").then().extract(),
                answer -> answer.statusCode() != 404).path("id");
        operator(tenant).get("/v1/executions/" + id).then().statusCode(200)
                .body("tenant", equalTo(tenant))
                .body("runbookId", equalTo(runbook.toString()))
                .body("incidentId", equalTo(incident.incidentId().toString()))
                .body("status", equalTo("open"))
                .body("steps.size()", equalTo(2));
        // the incident's facts come from its event, for the customer report
        operator(tenant).accept("text/markdown").get("/v1/executions/" + id + "/report").then().statusCode(200)
                .body(containsString("web-1 is not answering"));
        operator(tenant).get("/v1/executions/" + id + "/timeline").then().statusCode(200)
                .body("items[0].action", equalTo("opened")).body("items[0].actor", equalTo("aiko"));
        RunbookExecutionEvent announced = announcement(UUID.fromString(id));
        assertEquals(ExecutionChange.OPENED, announced.change());
        assertEquals("aiko", announced.actor());

        conflict(operator(tenant).body(start).post("/v1/executions").then(), "has an execution of runbook"
                + " 'Database down' already");
    }

    @Test
    void aSharedRunbookMayBeStartedButAnotherTenantsMayNot() {
        String tenant = newTenant();
        String other = newTenant();
        IncidentEvent incident = opened(tenant, "disk", Map.of());
        publish(incident);
        String shared = supervisor(other).body(Map.of("shared", true, "name", "Disk full " + UUID.randomUUID(),
                        "match", Map.of("check", "x-" + UUID.randomUUID()), "steps", List.of(CHECK_DISK_STEP)))
                .post("/v1/runbooks").then().statusCode(201).extract().path("id");
        UUID othersOwn = createRunbook(other, "Theirs", Map.of("check", "x-" + UUID.randomUUID()));

        await().atMost(DEADLINE).until(() -> operator(tenant).body(Map.of("runbookId", shared, "incidentId",
                incident.incidentId().toString())).post("/v1/executions").then().extract().statusCode() == 201);
        operator(tenant).body(Map.of("runbookId", othersOwn.toString(), "incidentId",
                incident.incidentId().toString())).post("/v1/executions").then().statusCode(404)
                .contentType(PROBLEM);
        operator(other).body(Map.of("runbookId", othersOwn.toString(), "incidentId",
                incident.incidentId().toString())).post("/v1/executions").then().statusCode(404)
                .contentType(PROBLEM);
    }

    @Test
    void aWrongStartIsRefusedNamingTheField() {
        String tenant = newTenant();
        UUID runbook = createRunbook(tenant, "Web down", Map.of("check", "x-" + UUID.randomUUID()));

        refusedNaming("runbookId", operator(tenant).body(Map.of("incidentId", UUID.randomUUID().toString()))
                .post("/v1/executions").then());
        refusedNaming("incidentId", operator(tenant).body(Map.of("runbookId", runbook.toString(),
                "incidentId", "not-a-uuid")).post("/v1/executions").then());
        operator(tenant).body(Map.of("runbookId", runbook.toString(), "incidentId", UUID.randomUUID().toString()))
                .post("/v1/executions").then().statusCode(404).contentType(PROBLEM);
        operator(tenant).body(Map.of("runbookId", UUID.randomUUID().toString(), "incidentId",
                UUID.randomUUID().toString())).post("/v1/executions").then().statusCode(404);
        operator(tenant).body(Map.of("tenant", newTenant(), "runbookId", runbook.toString(), "incidentId",
                UUID.randomUUID().toString())).post("/v1/executions").then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(TestInfra.token(Roles.CUSTOMER, tenant)).contentType("application/json")
                .body(Map.of("runbookId", runbook.toString(), "incidentId", UUID.randomUUID().toString()))
                .post("/v1/executions").then().statusCode(403);
        operator(tenant).body("{").post("/v1/executions").then().statusCode(400).contentType(PROBLEM);
        operator(tenant).post("/v1/executions").then().statusCode(400).contentType(PROBLEM);
    }

    private static RunbookExecutionEvent announcement(UUID executionId) {
        ConsumerRecord<String, String> record = TestInfra.consume(Topics.RUNBOOK, DEADLINE, seen -> seen.stream()
                        .anyMatch(r -> r.value().contains(executionId.toString())))
                .stream().filter(r -> r.value().contains(executionId.toString())).findFirst()
                .orElseThrow(() -> new AssertionError("no announcement of " + executionId));
        assertEquals(ExecutionChange.OPENED.eventType(), TestInfra.header(record, CloudEventHeaders.TYPE));
        try {
            return Json.read(record.value(), RunbookExecutionEvent.class);
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }
}
