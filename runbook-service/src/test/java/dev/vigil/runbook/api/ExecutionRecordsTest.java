package dev.vigil.runbook.api;

import static dev.vigil.runbook.Fixtures.conflict;
import static dev.vigil.runbook.Fixtures.refusedNaming;
import static dev.vigil.runbook.Fixtures.stepPath;
import static dev.vigil.runbook.Fixtures.as;
import static dev.vigil.runbook.Fixtures.awaitExecutions;
import static dev.vigil.runbook.Fixtures.newTenant;
import static dev.vigil.runbook.Fixtures.operator;
import static dev.vigil.runbook.Fixtures.operatorNamed;
import static dev.vigil.runbook.Fixtures.publish;
import static dev.vigil.runbook.Fixtures.supervisor;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.contracts.IncidentChange;
import dev.vigil.contracts.IncidentEvent;
import dev.vigil.platform.security.Roles;
import dev.vigil.runbook.Fixtures;
import dev.vigil.testsupport.UnauthorizedChecks;
import dev.vigil.testsupport.VigilTestResources;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The customer approves the step that needs it, the operators record where the fault lies, and the customer reads
 * a report of it all in their language, without the MSP's internal notes.
 */
@QuarkusTest
@WithTestResource(value = VigilTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ExecutionRecordsTest {
    private static final String PROBLEM = "application/problem+json";
    private static final String INTERNAL_NOTE = "cache flushed, the DBA on call was asleep again";

    @Test
    void aStepThatNeedsTheCustomersApprovalWaitsForIt() {
        String tenant = newTenant();
        UUID id = openDatabaseExecution(tenant);
        walkFirstStep(tenant, id);

        conflict(operator(tenant).post(stepPath(id, 2, "start")).then(), "needs the customer's approval");
        as(Roles.CUSTOMER, tenant).get(approvalsPath(id)).then().statusCode(200)
                .body("steps.position", equalTo(List.of(2)))
                .body("steps[0].approval", equalTo("waiting"))
                .body("steps[0].expected", equalTo("The database accepts connections"));

        customer(tenant).body(Map.of("step", 2, "decision", "reject", "note", "Not during the sale"))
                .post(approvalsPath(id)).then().statusCode(200)
                .body("steps[0].approval", equalTo("rejected"))
                .body("steps[0].decidedBy", equalTo("customer@" + tenant));
        conflict(operator(tenant).post(stepPath(id, 2, "start")).then(), "rejected it (Not during the sale)");

        customer(tenant).body(Map.of("step", 2, "decision", "approve", "note", "Go ahead"))
                .post(approvalsPath(id)).then().statusCode(200).body("steps[0].approval", equalTo("approved"));
        operator(tenant).post(stepPath(id, 2, "start")).then().statusCode(200);
        conflict(customer(tenant).body(Map.of("step", 2, "decision", "reject")).post(approvalsPath(id)).then(),
                "an approval is given before the step starts");
        conflict(customer(tenant).body(Map.of("step", 3, "decision", "approve")).post(approvalsPath(id)).then(),
                "does not need the customer's approval");
        operator(tenant).get("/v1/executions/" + id + "/timeline").then().statusCode(200)
                .body("items.action", hasItem("rejected"))
                .body("items.action", hasItem("approved"));
    }

    @Test
    void approvalsAreTheCustomersOfTheirOwnTenantOnly() {
        String tenant = newTenant();
        UUID id = openDatabaseExecution(tenant);
        String stranger = newTenant();

        customer(stranger).body(Map.of("step", 2, "decision", "approve")).post(approvalsPath(id)).then()
                .statusCode(404).contentType(PROBLEM);
        as(Roles.CUSTOMER, stranger).get(approvalsPath(id)).then().statusCode(404);
        operator(tenant).body(Map.of("step", 2, "decision", "approve")).post(approvalsPath(id)).then()
                .statusCode(403).contentType(PROBLEM);
        refusedNaming("decision", customer(tenant).body(Map.of("step", 2, "decision", "maybe"))
                .post(approvalsPath(id)).then());
        refusedNaming("step", customer(tenant).body(Map.of("decision", "approve")).post(approvalsPath(id)).then());
        customer(tenant).body(Map.of("step", 9, "decision", "approve")).post(approvalsPath(id)).then()
                .statusCode(404).contentType(PROBLEM);
        UnauthorizedChecks.assertEveryBadTokenIsChallenged(Roles.CUSTOMER, tenant, spec -> spec
                .contentType(ContentType.JSON).body(Map.of("step", 2, "decision", "approve")).post(approvalsPath(id)));
        operator(tenant).get(approvalsPath(id)).then().statusCode(200).body("steps[0].approval", equalTo("waiting"));
    }

    @Test
    void theIsolationRecordKeepsEachAreasFindingAndItsAuthor() {
        String tenant = newTenant();
        UUID id = openDatabaseExecution(tenant);

        operatorNamed("ana@" + tenant, tenant).body(Map.of("areas", Map.of(
                        "hardware", Map.of("finding", "clear", "note", "iLO shows no fault"),
                        "middleware", Map.of("finding", "fault", "note", "PostgreSQL ran out of connections"))))
                .put(isolationPath(id)).then().statusCode(200)
                .body("areas.hardware.finding", equalTo("clear"))
                .body("areas.hardware.by", equalTo("ana@" + tenant))
                .body("areas.middleware.note", equalTo("PostgreSQL ran out of connections"))
                .body("areas.network.finding", equalTo("not-checked"));
        operatorNamed("ben@" + tenant, tenant).body(Map.of("areas", Map.of(
                        "network", Map.of("finding", "clear"),
                        "hardware", Map.of("finding", "clear", "note", "iLO shows no fault"))))
                .put(isolationPath(id)).then().statusCode(200)
                .body("areas.network.by", equalTo("ben@" + tenant))
                .body("areas.hardware.by", equalTo("ana@" + tenant));
        operator(tenant).get(isolationPath(id)).then().statusCode(200)
                .body("areas.keySet()", contains("hardware", "os", "middleware", "application", "network"))
                .body("areas.middleware.finding", equalTo("fault"));
        operator(tenant).get("/v1/executions/" + id + "/timeline").then().statusCode(200)
                .body("items.findAll { it.action == 'isolation' }.note", equalTo(List.of(
                        "hardware: clear (iLO shows no fault)",
                        "middleware: fault (PostgreSQL ran out of connections)", "network: clear")));

        refusedNaming("areas.kernel", operator(tenant).body(Map.of("areas", Map.of("kernel",
                Map.of("finding", "clear")))).put(isolationPath(id)).then());
        refusedNaming("areas.os.finding", operator(tenant).body(Map.of("areas", Map.of("os",
                Map.of("finding", "broken")))).put(isolationPath(id)).then());
        refusedNaming("areas", operator(tenant).body(Map.of("areas", Map.of())).put(isolationPath(id)).then());
        operator(newTenant()).body(Map.of("areas", Map.of("os", Map.of("finding", "fault"))))
                .put(isolationPath(id)).then().statusCode(404);
        as(Roles.CUSTOMER, tenant).get(isolationPath(id)).then().statusCode(403);
        operator(tenant).get(isolationPath(id)).then().statusCode(200).body("areas.os.finding",
                equalTo("not-checked"));
    }

    @Test
    void theCustomerReadsTheReportInTheirLanguageWithoutInternalNotes() {
        String tenant = newTenant();
        UUID id = openDatabaseExecution(tenant);
        walkFirstStep(tenant, id);
        customer(tenant).body(Map.of("step", 2, "decision", "approve")).post(approvalsPath(id)).then()
                .statusCode(200);
        operatorNamed("aiko", tenant).post(stepPath(id, 2, "start")).then().statusCode(200);
        operatorNamed("aiko", tenant).body(Map.of("note", "restarted the cluster"))
                .post(stepPath(id, 2, "complete")).then().statusCode(200);
        operatorNamed("kenji", tenant).post(stepPath(id, 2, "verify")).then().statusCode(200);
        operator(tenant).post(stepPath(id, 3, "start")).then().statusCode(200);
        operator(tenant).body(Map.of("note", INTERNAL_NOTE)).post(stepPath(id, 3, "complete")).then()
                .statusCode(200).body("status", equalTo("completed"));
        operator(tenant).body(Map.of("areas", Map.of("middleware", Map.of("finding", "fault",
                "note", "The database ran out of connections")))).put(isolationPath(id)).then().statusCode(200);

        String english = as(Roles.CUSTOMER, tenant).accept("text/markdown").get(reportPath(id)).then()
                .statusCode(200).contentType(startsWith("text/markdown")).extract().asString();
        assertTrue(english.startsWith("# Recovery report: Database down\n"), english);
        assertTrue(english.contains("## What happened\n\nshop-db-01 reported a problem: Database does not accept"
                + " connections (severity critical)."), english);
        assertTrue(english.contains("- Middleware: the fault was here - The database ran out of connections"),
                english);
        assertTrue(english.contains("- Restart the database: done at "), english);
        assertTrue(english.contains("by aiko, checked by a second person, kenji, at "), english);
        assertTrue(english.contains("Result checked: The database accepts connections"), english);
        assertTrue(english.contains("- Procedure completed: "), english);
        assertFalse(english.contains("Internal: flush the cache"), english);
        assertFalse(english.contains(INTERNAL_NOTE), english);
        assertFalse(english.contains("restarted the cluster"), english);

        String japanese = as(Roles.CUSTOMER, tenant).queryParam("lang", "ja").queryParam("timeZone", "Asia/Tokyo")
                .accept("text/markdown").get(reportPath(id)).then().statusCode(200).extract().asString();
        assertTrue(japanese.startsWith("# 復旧報告: Database down\n"), japanese);
        assertTrue(japanese.contains("## 障害箇所\n\n- ミドルウェア: 障害箇所 - The database ran out of connections"),
                japanese);
        assertTrue(japanese.contains("別の担当者 kenji が"), japanese);
        assertTrue(japanese.contains("JST"), japanese);
        assertTrue(japanese.contains("手順の完了: "), japanese);

        String html = operator(tenant).queryParam("lang", "ja").accept("text/html").get(reportPath(id)).then()
                .statusCode(200).contentType(startsWith("text/html")).extract().asString();
        assertTrue(html.contains("<html lang=\"ja\">") && html.contains("<h1>復旧報告: Database down</h1>"), html);
        assertTrue(html.contains("<h2>実施した対応</h2>\n<ul>\n<li>Check the shop from outside: 完了"), html);
        assertTrue(html.contains("<li>Restart the database: 完了"), html);
        assertFalse(html.contains(INTERNAL_NOTE), html);
    }

    @Test
    void aReportIsRefusedClearlyAndNeverShownToAnotherTenant() {
        String tenant = newTenant();
        UUID id = openDatabaseExecution(tenant);

        refusedNaming("lang", operator(tenant).queryParam("lang", "fr").get(reportPath(id)).then());
        refusedNaming("timeZone", operator(tenant).queryParam("timeZone", "Mars/Olympus").get(reportPath(id)).then());
        refusedNaming("id", operator(tenant).get("/v1/executions/nope/report").then());
        as(Roles.CUSTOMER, newTenant()).get(reportPath(id)).then().statusCode(404).contentType(PROBLEM);
        operator(tenant).get(reportPath(UUID.randomUUID())).then().statusCode(404);
        operator(tenant).accept("text/markdown").get(reportPath(id)).then().statusCode(200)
                .body(containsString("Procedure status: in progress"))
                .body(containsString("No step of the agreed procedure was recorded yet."));
    }

    /** A runbook whose restart needs the customer's approval, opened by a confirmed database incident. */
    private static UUID openDatabaseExecution(String tenant) {
        String check = "check-" + UUID.randomUUID();
        supervisor(tenant).body(Map.of("name", "Database down", "match", Map.of("check", check), "steps", List.of(
                        Map.of("kind", "check", "title", "Check the shop from outside", "critical", false,
                                "customerVisible", true, "expected", "The homepage does not answer"),
                        Map.of("title", "Restart the database", "critical", true, "customerVisible", true,
                                "customerApproval", true, "expected", "The database accepts connections"),
                        Map.of("title", "Internal: flush the cache", "critical", false))))
                .post("/v1/runbooks").then().statusCode(201);
        IncidentEvent incident = Fixtures.incident(IncidentChange.CONFIRMED, tenant, check, Map.of());
        IncidentEvent database = new IncidentEvent(incident.eventId(), incident.change(), tenant,
                incident.incidentId(), incident.status(), incident.fingerprint(), incident.source(), "shop-db-01",
                check, incident.severity(), "Database does not accept connections", Map.of(), 1,
                incident.openedAt(), incident.lastSeenAt(), null, incident.decision(), incident.actor(), null);
        publish(database);
        return UUID.fromString((String) awaitExecutions(tenant, database.incidentId(), 1).get(0).get("id"));
    }

    private static void walkFirstStep(String tenant, UUID id) {
        operator(tenant).post(stepPath(id, 1, "start")).then().statusCode(200);
        operator(tenant).post(stepPath(id, 1, "complete")).then().statusCode(200);
    }

    private static io.restassured.specification.RequestSpecification customer(String tenant) {
        return as(Roles.CUSTOMER, tenant);
    }

    private static String approvalsPath(UUID id) {
        return "/v1/executions/" + id + "/approvals";
    }

    private static String isolationPath(UUID id) {
        return "/v1/executions/" + id + "/isolation";
    }

    private static String reportPath(UUID id) {
        return "/v1/executions/" + id + "/report";
    }
}
