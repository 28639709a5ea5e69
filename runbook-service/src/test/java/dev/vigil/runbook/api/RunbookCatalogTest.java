package dev.vigil.runbook.api;

import static dev.vigil.runbook.Fixtures.CHECK_DISK_STEP;
import static dev.vigil.runbook.Fixtures.RESTART_STEP;
import static dev.vigil.runbook.Fixtures.as;
import static dev.vigil.runbook.Fixtures.createRunbook;
import static dev.vigil.runbook.Fixtures.newTenant;
import static dev.vigil.runbook.Fixtures.operator;
import static dev.vigil.runbook.Fixtures.supervisor;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.platform.security.Roles;
import dev.vigil.testsupport.TestInfra;
import dev.vigil.testsupport.VigilTestResources;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = VigilTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class RunbookCatalogTest {
    private static final String PROBLEM = "application/problem+json";

    @Test
    void supervisorDefinesARunbookThatOperatorsCanRead() {
        String tenant = newTenant();
        String location = supervisor(tenant)
                .body(Map.of("name", "Web server down", "description", "When the shop stops answering",
                        "match", Map.of("check", "http", "env", "prod"),
                        "steps", List.of(CHECK_DISK_STEP, RESTART_STEP)))
                .post("/v1/runbooks")
                .then().statusCode(201)
                .contentType(ContentType.JSON)
                .body("name", equalTo("Web server down"))
                .body("match.check", equalTo("http"))
                .body("match.env", equalTo("prod"))
                .body("steps[1].position", equalTo(2))
                .extract().header("Location");

        operator(tenant).get(location).then().statusCode(200)
                .body("name", equalTo("Web server down"))
                .body("description", equalTo("When the shop stops answering"))
                .body("match", equalTo(Map.of("check", "http", "env", "prod")))
                .body("steps", hasSize(2))
                .body("steps[0].title", equalTo("Check free disk space"))
                .body("steps[0].instructions", equalTo("df -h on the host"))
                .body("steps[0].critical", equalTo(false))
                .body("steps[1].title", equalTo("Restart the web server"))
                .body("steps[1].instructions", nullValue())
                .body("steps[1].critical", equalTo(true));
        operator(tenant).get("/v1/runbooks?tenant=" + tenant).then().statusCode(200)
                .body("items.name", equalTo(List.of("Web server down")))
                .body("items[0].id", endsWith(location.substring(location.lastIndexOf('/') + 1)));
    }

    @Test
    void aSupervisorOfOneTenantCannotWriteForAnother() {
        String tenant = newTenant();
        String other = newTenant();

        supervisor(tenant).body(withTenant(validBody(), other)).post("/v1/runbooks").then().statusCode(403)
                .contentType(PROBLEM);
        operator(other).get("/v1/runbooks?tenant=" + other).then().statusCode(200).body("items", hasSize(0));
        supervisor(tenant).body(withTenant(validBody(), tenant)).post("/v1/runbooks").then().statusCode(201)
                .body("tenant", equalTo(tenant));
    }

    @Test
    void staffOfTwoTenantsWriteForEitherAndSeeBothButNotAThird() {
        String a = newTenant();
        String b = newTenant();
        String c = newTenant();
        UUID ofC = createRunbook(c, "Disk full", Map.of("check", "disk"));
        staffOf(a, b).body(validBody()).post("/v1/runbooks").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("tenant"));
        staffOf(a, b).body(withTenant(validBody(), c)).post("/v1/runbooks").then().statusCode(403);
        staffOf(a, b).body(withTenant(validBody(), a)).post("/v1/runbooks").then().statusCode(201);
        staffOf(a, b).body(withTenant(validBody(), b)).post("/v1/runbooks").then().statusCode(201)
                .body("tenant", equalTo(b));

        staffOf(a, b).get("/v1/runbooks?tenant=" + a + "&tenant=" + b).then().statusCode(200)
                .body("items.tenant", containsInAnyOrder(a, b));
        staffOf(a, b).get("/v1/runbooks?tenant=" + b).then().statusCode(200).body("items.tenant", equalTo(List.of(b)));
        staffOf(a, b).get("/v1/runbooks?tenant=" + c).then().statusCode(403).contentType(PROBLEM);
        staffOf(a, b).get("/v1/runbooks/" + ofC).then().statusCode(404).contentType(PROBLEM);
        staffOf(a, b).get("/v1/executions?tenant=" + c).then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(TestInfra.staffToken(Roles.OPERATOR, List.of("*"))).get("/v1/runbooks/" + ofC)
                .then().statusCode(200).body("tenant", equalTo(c));
    }

    @Test
    void theCatalogIsReadPageByPage() {
        String tenant = newTenant();
        for (int i = 0; i < 5; i++) {
            createRunbook(tenant, "Runbook " + i, Map.of("check", "disk"));
        }
        List<String> names = new ArrayList<>();
        String cursor = null;
        do {
            var page = operator(tenant).queryParam("limit", 2).queryParam("tenant", tenant)
                    .queryParams(cursor == null ? Map.of() : Map.of("cursor", cursor))
                    .get("/v1/runbooks").then().statusCode(200).extract().jsonPath();
            names.addAll(page.getList("items.name", String.class));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertEquals(List.of("Runbook 4", "Runbook 3", "Runbook 2", "Runbook 1", "Runbook 0"), names);
    }

    private static RequestSpecification staffOf(String... tenants) {
        return given().auth().oauth2(TestInfra.staffToken(Roles.SUPERVISOR, List.of(tenants)))
                .contentType(ContentType.JSON);
    }

    private static Map<String, Object> withTenant(Map<String, Object> body, String tenant) {
        Map<String, Object> changed = new HashMap<>(body);
        changed.put("tenant", tenant);
        return changed;
    }

    @Test
    void secondRunbookWithTheSameNameIsAConflict() {
        String tenant = newTenant();
        createRunbook(tenant, "Disk full", Map.of("check", "disk"));

        supervisor(tenant).body(validBody("Disk full")).post("/v1/runbooks")
                .then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("urn:vigil:problem:conflict"));
        supervisor(newTenant()).body(validBody("Disk full")).post("/v1/runbooks").then().statusCode(201);
    }

    @Test
    void runbookWithoutANameIsRejectedNamingTheField() {
        Map<String, Object> body = new HashMap<>(validBody());
        body.remove("name");

        rejected(body, "name");
    }

    @Test
    void runbookWithoutStepsIsRejected() {
        Map<String, Object> body = new HashMap<>(validBody());
        body.put("steps", List.of());

        rejected(body, "steps");
    }

    @Test
    void runbookWithoutMatchersIsRejected() {
        Map<String, Object> body = new HashMap<>(validBody());
        body.put("match", Map.of());

        rejected(body, "match");
    }

    @Test
    void stepWithoutATitleIsRejectedNamingTheStep() {
        Map<String, Object> body = new HashMap<>(validBody());
        body.put("steps", List.of(Map.of("title", " ", "critical", true)));

        rejected(body, "steps[0].title");
    }

    @Test
    void stepThatDoesNotSayWhetherItIsCriticalIsRejected() {
        Map<String, Object> body = new HashMap<>(validBody());
        body.put("steps", List.of(CHECK_DISK_STEP, Map.of("title", "Restart")));

        rejected(body, "steps[1].critical");
    }

    @Test
    void blankMatcherValueIsRejected() {
        Map<String, Object> body = new HashMap<>(validBody());
        body.put("match", Map.of("env", ""));

        rejected(body, "match.env");
    }

    @Test
    void unknownSeverityMatcherIsRejected() {
        Map<String, Object> body = new HashMap<>(validBody());
        body.put("match", Map.of("severity", "Critical"));

        rejected(body, "match.severity");
    }

    @Test
    void stepsOfTheWrongShapeAreRejected() {
        Map<String, Object> body = new HashMap<>(validBody());
        body.put("steps", "restart it");

        rejected(body, "steps");
    }

    @Test
    void malformedJsonIsRejected() {
        supervisor(newTenant()).body("{\"name\": \"Disk full\", ").post("/v1/runbooks")
                .then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void emptyBodyIsRejected() {
        supervisor(newTenant()).post("/v1/runbooks").then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:vigil:problem:validation"));
    }

    @Test
    void requestWithoutATokenIsUnauthorized() {
        given().contentType(ContentType.JSON).body(validBody()).post("/v1/runbooks")
                .then().statusCode(401).contentType(PROBLEM);
        given().get("/v1/runbooks").then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void operatorCannotDefineRunbooks() {
        operator(newTenant()).body(validBody()).post("/v1/runbooks")
                .then().statusCode(403).contentType(PROBLEM);
    }

    @Test
    void customerCannotReadTheCatalog() {
        as(Roles.CUSTOMER, newTenant()).get("/v1/runbooks").then().statusCode(403).contentType(PROBLEM);
    }

    @Test
    void anotherTenantsRunbookIsNotFound() {
        UUID id = createRunbook(newTenant(), "Disk full", Map.of("check", "disk"));

        operator(newTenant()).get("/v1/runbooks/" + id).then().statusCode(404).contentType(PROBLEM);
        String stranger = newTenant();
        operator(stranger).get("/v1/runbooks?tenant=" + stranger).then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void unknownRunbookIdIsNotFoundAndAMalformedOneIsABadRequest() {
        operator(newTenant()).get("/v1/runbooks/" + UUID.randomUUID()).then().statusCode(404).contentType(PROBLEM);
        operator(newTenant()).get("/v1/runbooks/not-a-uuid").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("id"));
        operator(newTenant()).urlEncodingEnabled(false).get("/v1/executions/%00").then().statusCode(400)
                .contentType(PROBLEM).body("errors[0].field", equalTo("id"));
    }

    private static Map<String, Object> validBody() {
        return validBody("Disk full " + UUID.randomUUID());
    }

    private static Map<String, Object> validBody(String name) {
        return Map.of("name", name, "match", Map.of("check", "disk"), "steps", List.of(CHECK_DISK_STEP));
    }

    private static ValidatableResponse rejected(Map<String, Object> body, String field) {
        return supervisor(newTenant()).body(body).post("/v1/runbooks")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:vigil:problem:validation"))
                .body("errors.field", hasItem(field));
    }
}
