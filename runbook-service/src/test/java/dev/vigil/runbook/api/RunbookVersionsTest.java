package dev.vigil.runbook.api;

import static dev.vigil.runbook.Fixtures.refusedNaming;
import static dev.vigil.runbook.Fixtures.as;
import static dev.vigil.runbook.Fixtures.awaitExecutions;
import static dev.vigil.runbook.Fixtures.confirmed;
import static dev.vigil.runbook.Fixtures.newTenant;
import static dev.vigil.runbook.Fixtures.operator;
import static dev.vigil.runbook.Fixtures.publish;
import static dev.vigil.runbook.Fixtures.supervisor;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.contracts.IncidentEvent;
import dev.vigil.platform.security.Roles;
import dev.vigil.testsupport.VigilTestResources;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The catalog keeps every version of a runbook: an edit saves the next one, executions keep the one they opened
 * with, and YAML exports read back as the same definition. Decision steps branch to a named later step.
 */
@QuarkusTest
@WithTestResource(value = VigilTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class RunbookVersionsTest {
    private static final String PROBLEM = "application/problem+json";
    private static final String YAML = "application/yaml";

    @Test
    void anEditSavesTheNextVersionAndAnOpenExecutionKeepsItsOwn() {
        String tenant = newTenant();
        String check = "check-" + UUID.randomUUID();
        UUID id = create(tenant, definition("Disk full", check, List.of(step("Look at the disk", false))));
        IncidentEvent before = confirmed(tenant, check, Map.of());
        publish(before);
        UUID kept = UUID.fromString((String) awaitExecutions(tenant, before.incidentId(), 1).get(0).get("id"));

        supervisor(tenant).body(definition("Disk full", check, List.of(step("Look at the disk", false),
                        step("Remove old logs", true))))
                .put("/v1/runbooks/" + id).then().statusCode(200)
                .body("version", equalTo(2))
                .body("changedBy", equalTo("supervisor@" + tenant))
                .body("steps.title", equalTo(List.of("Look at the disk", "Remove old logs")));

        operator(tenant).get("/v1/runbooks/" + id).then().statusCode(200).body("version", equalTo(2));
        operator(tenant).get("/v1/runbooks/" + id + "/versions").then().statusCode(200)
                .body("items.version", equalTo(List.of(2, 1)))
                .body("items[1].steps.title", equalTo(List.of("Look at the disk")));
        operator(tenant).get("/v1/runbooks/" + id + "/versions/1").then().statusCode(200)
                .body("version", equalTo(1))
                .body("steps.size()", equalTo(1));
        operator(tenant).get("/v1/executions/" + kept).then().statusCode(200)
                .body("runbookVersion", equalTo(1))
                .body("steps.title", equalTo(List.of("Look at the disk")));

        IncidentEvent after = confirmed(tenant, check, Map.of());
        publish(after);
        UUID opened = UUID.fromString((String) awaitExecutions(tenant, after.incidentId(), 1).get(0).get("id"));
        operator(tenant).get("/v1/executions/" + opened).then().statusCode(200)
                .body("runbookVersion", equalTo(2))
                .body("stepCount", equalTo(2))
                .body("steps[1].critical", equalTo(true));
    }

    @Test
    void anEditThatChangesNothingSavesNoVersion() {
        String tenant = newTenant();
        Map<String, Object> same = definition("Disk full", "disk", List.of(step("Look", false)));
        UUID id = create(tenant, same);

        supervisor(tenant).body(same).put("/v1/runbooks/" + id).then().statusCode(200).body("version", equalTo(1));
        operator(tenant).get("/v1/runbooks/" + id + "/versions").then().statusCode(200)
                .body("items.version", equalTo(List.of(1)));
    }

    @Test
    void editsAreRefusedClearlyAndChangeNothing() {
        String tenant = newTenant();
        UUID id = create(tenant, definition("Disk full", "disk", List.of(step("Look", false))));
        create(tenant, definition("Web down", "http", List.of(step("Look", false))));

        supervisor(tenant).body(definition("Web down", "disk", List.of(step("Look", false))))
                .put("/v1/runbooks/" + id).then().statusCode(409).contentType(PROBLEM)
                .body("detail", containsString("Web down"));
        Map<String, Object> elsewhere = new LinkedHashMap<>(definition("Disk full", "disk", List.of(step("x", false))));
        elsewhere.put("tenant", newTenant());
        refusedNaming("tenant", supervisor(tenant).body(elsewhere).put("/v1/runbooks/" + id).then());
        refusedNaming("steps", supervisor(tenant).body(definition("Disk full", "disk", List.of()))
                .put("/v1/runbooks/" + id).then());
        refusedNaming("id", supervisor(tenant).body(definition("x", "disk", List.of(step("x", false))))
                .put("/v1/runbooks/nope").then());
        supervisor(newTenant()).body(definition("Mine", "disk", List.of(step("x", false))))
                .put("/v1/runbooks/" + id).then().statusCode(404).contentType(PROBLEM);
        operator(tenant).body(definition("Disk full", "disk", List.of(step("x", false))))
                .put("/v1/runbooks/" + id).then().statusCode(403).contentType(PROBLEM);
        operator(newTenant()).get("/v1/runbooks/" + id + "/versions").then().statusCode(404);
        operator(tenant).get("/v1/runbooks/" + id + "/versions/2").then().statusCode(404).contentType(PROBLEM);
        refusedNaming("version", operator(tenant).get("/v1/runbooks/" + id + "/versions/0").then());
        as(Roles.CUSTOMER, tenant).get("/v1/runbooks/" + id + "/versions").then().statusCode(403);

        operator(tenant).get("/v1/runbooks/" + id + "/versions").then().statusCode(200)
                .body("items.version", equalTo(List.of(1)))
                .body("items[0].name", equalTo("Disk full"));
    }

    @Test
    void aYamlExportImportsBackAsTheSameRunbookAndAnEditedOneAsItsNextVersion() {
        String tenant = newTenant();
        UUID id = create(tenant, definition("Web down", "http", List.of(
                Map.of("kind", "decision", "title", "Is the disk full?", "critical", false,
                        "branches", Map.of("yes", "clean-disk", "no", "restart-web")),
                Map.of("name", "clean-disk", "title", "Remove old logs", "critical", true),
                Map.of("name", "restart-web", "kind", "action", "title", "Restart the web server",
                        "instructions", "systemctl restart nginx", "expected", "The homepage answers 200",
                        "critical", true, "customerVisible", true))));

        String exported = supervisor(tenant).accept(YAML).get("/v1/runbooks/" + id).then().statusCode(200)
                .contentType(startsWith(YAML)).extract().asString();
        assertEquals(true, exported.contains("name: Web down"), exported);
        assertEquals(true, exported.contains("kind: decision"), exported);

        importYaml(tenant, exported).statusCode(200).body("id", equalTo(id.toString())).body("version", equalTo(1));

        importYaml(tenant, exported.replace("Restart the web server", "Restart nginx")).statusCode(200)
                .body("version", equalTo(2))
                .body("steps[2].title", equalTo("Restart nginx"))
                .body("steps[2].expected", equalTo("The homepage answers 200"))
                .body("steps[2].customerVisible", equalTo(true))
                .body("steps[0].branches.no", equalTo("restart-web"));

        String created = importYaml(tenant, exported.replace("name: Web down", "name: Web down (copy)"))
                .statusCode(201).extract().header("Location");
        operator(tenant).get(created).then().statusCode(200).body("version", equalTo(1))
                .body("name", equalTo("Web down (copy)"));
        operator(tenant).get("/v1/runbooks/" + id).then().statusCode(200).contentType(startsWith("application/json"));
    }

    @Test
    void aBrokenYamlDocumentIsRefusedNamingItsLineOrField() {
        String tenant = newTenant();
        String valid = """
                name: Disk full
                match:
                  check: disk
                steps:
                  - title: Look
                    critical: false
                """;

        importYaml(tenant, valid.replace("  - title: Look", "  - title: [Look")).statusCode(400)
                .contentType(PROBLEM).body("errors[0].message", startsWith("line "));
        importYaml(tenant, valid.replace("critical: false", "critcal: false")).statusCode(400)
                .body("errors[0].field", equalTo("steps[0].critcal"))
                .body("errors[0].message", startsWith("line 6: "));
        importYaml(tenant, valid.replace("    critical: false\n", "")).statusCode(400)
                .body("errors.field", hasItem("steps[0].critical"));
        importYaml(tenant, valid.replace("check: disk", "severity: loud")).statusCode(400)
                .body("errors.field", hasItem("match.severity"));
        importYaml(tenant, valid.replace("title: Look", "title: 010")).statusCode(400)
                .body("errors[0].field", equalTo("steps[0].title"))
                .body("errors[0].message", containsString("quote"));
        importYaml(tenant, "").statusCode(400).contentType(PROBLEM);
        importYaml(tenant, "- just\n- a list\n").statusCode(400).contentType(PROBLEM);
        importYaml(tenant, valid + "tenant: " + newTenant() + "\n").statusCode(403);
        as(Roles.OPERATOR, tenant).contentType(YAML).body(valid.getBytes(StandardCharsets.UTF_8))
                .post("/v1/runbooks/import").then().statusCode(403);

        operator(tenant).get("/v1/runbooks?tenant=" + tenant).then().statusCode(200).body("items.size()", equalTo(0));

        // YAML 1.1 would read these words as booleans; in a runbook they are the words written
        importYaml(tenant, valid.replace("title: Look", "title: no")).statusCode(201)
                .body("steps[0].title", equalTo("no"));
    }

    @Test
    void stepsAreCheckedNamingTheField() {
        String tenant = newTenant();

        refusedNaming("steps[0].kind", post(tenant, List.of(Map.of("kind", "pray", "title", "x", "critical", false))));
        refusedNaming("steps[0].branches", post(tenant, List.of(Map.of("kind", "decision", "title", "x",
                "critical", false))));
        refusedNaming("steps[0].branches", post(tenant, List.of(Map.of("title", "x", "critical", false,
                "branches", Map.of("yes", "b")), Map.of("name", "b", "title", "y", "critical", false))));
        refusedNaming("steps[1].branches.yes", post(tenant, List.of(Map.of("name", "a", "title", "x",
                "critical", false), Map.of("kind", "decision", "title", "y", "critical", false,
                "branches", Map.of("yes", "a")))));
        refusedNaming("steps[0].branches.yes", post(tenant, List.of(Map.of("kind", "decision", "title", "x",
                "critical", false, "branches", Map.of("yes", "nowhere")))));
        refusedNaming("steps[1].name", post(tenant, List.of(Map.of("name", "a", "title", "x", "critical", false),
                Map.of("name", "a", "title", "y", "critical", false))));
        refusedNaming("steps[0].name", post(tenant, List.of(Map.of("name", "Not A Slug", "title", "x",
                "critical", false))));
        refusedNaming("steps[1].next", post(tenant, List.of(Map.of("name", "a", "title", "x", "critical", false),
                Map.of("title", "y", "critical", false, "next", "a"))));
        refusedNaming("steps[0].next", post(tenant, List.of(Map.of("title", "x", "critical", false,
                "next", "nowhere"))));
        refusedNaming("steps[0].next", post(tenant, List.of(Map.of("kind", "decision", "title", "x",
                "critical", false, "branches", Map.of("yes", "b"), "next", "b"),
                Map.of("name", "b", "title", "y", "critical", false))));
        operator(tenant).get("/v1/runbooks?tenant=" + tenant).then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void theArmsOfADecisionRejoinWhereTheLastStepOfAnArmGoesOn() {
        String tenant = newTenant();
        String check = "check-" + UUID.randomUUID();
        UUID runbook = create(tenant, definition("Web down", check, List.of(
                Map.of("kind", "decision", "title", "Is the disk full?", "critical", false,
                        "branches", Map.of("yes", "clean-disk", "no", "restart-web")),
                Map.of("name", "clean-disk", "title", "Remove old logs", "critical", false, "next", "check-shop"),
                Map.of("name", "restart-web", "title", "Restart the web server", "critical", false),
                Map.of("name", "check-shop", "title", "Check the shop answers", "critical", false))));
        supervisor(tenant).accept("application/yaml").get("/v1/runbooks/" + runbook).then().statusCode(200)
                .body(containsString("next: check-shop"));
        IncidentEvent incident = confirmed(tenant, check, Map.of());
        publish(incident);
        UUID id = UUID.fromString((String) awaitExecutions(tenant, incident.incidentId(), 1).get(0).get("id"));
        String steps = "/v1/executions/" + id + "/steps/";
        operator(tenant).post(steps + "1/start").then().statusCode(200);
        operator(tenant).body(Map.of("answer", "yes")).post(steps + "1/complete").then().statusCode(200);
        operator(tenant).post(steps + "2/start").then().statusCode(200);
        operator(tenant).post(steps + "2/complete").then().statusCode(200)
                .body("steps[1].next", equalTo("check-shop"))
                .body("steps[2].status", equalTo("skipped"))
                .body("steps[2].note", equalTo("Not taken: step 2 'Remove old logs' goes on to step 4"))
                .body("steps[3].status", equalTo("pending"));
        operator(tenant).post(steps + "4/start").then().statusCode(200);
        operator(tenant).post(steps + "4/complete").then().statusCode(200).body("status", equalTo("completed"));
    }

    @Test
    void aDecisionStepGoesOnToTheStepItsAnswerNames() {
        String tenant = newTenant();
        String check = "check-" + UUID.randomUUID();
        create(tenant, definition("Web down", check, List.of(
                Map.of("kind", "decision", "title", "Is the disk full?", "critical", false,
                        "branches", Map.of("yes", "clean-disk", "no", "restart-web")),
                Map.of("name", "clean-disk", "title", "Remove old logs", "critical", true),
                Map.of("name", "restart-web", "title", "Restart the web server", "critical", false))));
        IncidentEvent incident = confirmed(tenant, check, Map.of());
        publish(incident);
        UUID id = UUID.fromString((String) awaitExecutions(tenant, incident.incidentId(), 1).get(0).get("id"));
        operator(tenant).post("/v1/executions/" + id + "/steps/1/start").then().statusCode(200);

        refusedNaming("answer", operator(tenant).post("/v1/executions/" + id + "/steps/1/complete").then());
        refusedNaming("answer", operator(tenant).body(Map.of("answer", "maybe"))
                .post("/v1/executions/" + id + "/steps/1/complete").then());
        operator(tenant).body(Map.of("answer", "no", "note", "62% used"))
                .post("/v1/executions/" + id + "/steps/1/complete").then().statusCode(200)
                .body("steps[0].status", equalTo("done"))
                .body("steps[0].answer", equalTo("no"))
                .body("steps[0].kind", equalTo("decision"))
                .body("steps[1].status", equalTo("skipped"))
                .body("steps[1].note", equalTo("Not taken: step 1 'Is the disk full?' was answered 'no'"))
                .body("steps[1].verifiedBy", nullValue())
                .body("steps[2].status", equalTo("pending"));
        operator(tenant).post("/v1/executions/" + id + "/steps/3/start").then().statusCode(200);
        operator(tenant).post("/v1/executions/" + id + "/steps/3/complete").then().statusCode(200)
                .body("status", equalTo("completed"));
        operator(tenant).get("/v1/executions/" + id + "/timeline").then().statusCode(200)
                .body("items.action", equalTo(List.of("opened", "step-started", "step-done", "branched",
                        "step-skipped", "step-started", "step-done", "completed")));
    }

    private static ValidatableResponse importYaml(String tenant, String yaml) {
        return supervisor(tenant).contentType(YAML).body(yaml.getBytes(StandardCharsets.UTF_8))
                .post("/v1/runbooks/import").then();
    }

    private static ValidatableResponse post(String tenant, List<Map<String, Object>> steps) {
        return supervisor(tenant).body(definition("R " + UUID.randomUUID(), "disk", steps)).post("/v1/runbooks")
                .then();
    }

    private static UUID create(String tenant, Map<String, Object> definition) {
        return UUID.fromString(supervisor(tenant).body(definition).post("/v1/runbooks").then().statusCode(201)
                .extract().path("id"));
    }

    private static Map<String, Object> definition(String name, String check, List<Map<String, Object>> steps) {
        return Map.of("name", name, "match", Map.of("check", check), "steps", steps);
    }

    private static Map<String, Object> step(String title, boolean critical) {
        return Map.of("title", title, "critical", critical);
    }
}
