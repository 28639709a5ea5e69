package dev.vigil.runbook.api;

import static dev.vigil.runbook.Fixtures.CHECK_DISK_STEP;
import static dev.vigil.runbook.Fixtures.RESTART_STEP;
import static dev.vigil.runbook.Fixtures.awaitExecutions;
import static dev.vigil.runbook.Fixtures.confirmed;
import static dev.vigil.runbook.Fixtures.createRunbook;
import static dev.vigil.runbook.Fixtures.newTenant;
import static dev.vigil.runbook.Fixtures.operator;
import static dev.vigil.runbook.Fixtures.publish;
import static dev.vigil.runbook.Fixtures.refusedNaming;
import static dev.vigil.runbook.Fixtures.supervisor;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.contracts.IncidentEvent;
import dev.vigil.platform.security.Roles;
import dev.vigil.testsupport.TestInfra;
import dev.vigil.testsupport.VigilTestResources;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The MSP's shared runbooks: defined once for every tenant, opened for an incident of a tenant none of whose own
 * runbooks matches it, and read and edited by every tenant's staff, while executions stay the incident's tenant's.
 */
@QuarkusTest
@WithTestResource(value = VigilTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class SharedRunbooksTest {

    @Test
    void aSharedRunbookOpensForEveryTenantWithoutAnOwnOneThatMatches() {
        String check = "disk-" + UUID.randomUUID();
        String location = supervisor(newTenant())
                .body(Map.of("shared", true, "name", "Disk full on Linux " + check, "match", Map.of("check", check),
                        "steps", List.of(CHECK_DISK_STEP, RESTART_STEP)))
                .post("/v1/runbooks").then().statusCode(201)
                .body("shared", equalTo(true))
                .body("tenant", nullValue())
                .extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);

        // a tenant with no runbook of its own for the check gets the shared one; its execution is the tenant's
        String plain = newTenant();
        IncidentEvent incident = confirmed(plain, check, Map.of());
        publish(incident);
        Map<String, Object> execution = awaitExecutions(plain, incident.incidentId(), 1).get(0);
        assertEquals(id, execution.get("runbookId"));
        assertEquals(plain, execution.get("tenant"));
        operator(newTenant()).get("/v1/executions/" + execution.get("id")).then().statusCode(404);

        // a tenant with its own runbook for the check gets only its own: it is what was agreed with that customer
        String particular = newTenant();
        UUID own = createRunbook(particular, "Our disk procedure", Map.of("check", check));
        IncidentEvent theirs = confirmed(particular, check, Map.of());
        publish(theirs);
        List<Map<String, Object>> opened = awaitExecutions(particular, theirs.incidentId(), 1);
        assertEquals(own.toString(), opened.get(0).get("runbookId"));

        // every tenant's staff read the shared runbook; a supervisor of any tenant edits it into its next version
        String other = newTenant();
        operator(other).queryParam("limit", 500).get("/v1/runbooks").then().statusCode(200)
                .body("items.id", hasItem(id));
        operator(particular).queryParam("limit", 500).get("/v1/runbooks").then().statusCode(200)
                .body("items.id", hasItem(own.toString())).body("items.id", hasItem(id));
        operator(particular).queryParam("tenant", particular).get("/v1/runbooks").then().statusCode(200)
                .body("items.id", equalTo(List.of(own.toString())));
        supervisor(other).body(Map.of("name", "Disk full on Linux " + check, "match", Map.of("check", check),
                        "steps", List.of(RESTART_STEP)))
                .put(location).then().statusCode(200)
                .body("version", equalTo(2)).body("shared", equalTo(true));
        supervisor(other).accept("application/yaml").get(location).then().statusCode(200)
                .body(containsString("shared: true"));
        given().auth().oauth2(TestInfra.token(Roles.CUSTOMER, plain)).get(location).then().statusCode(403);
        // a tenant's list does not show another tenant's own runbooks for all that
        operator(other).queryParam("limit", 500).get("/v1/runbooks").then().statusCode(200)
                .body("items.id", not(hasItem(own.toString())));
    }

    @Test
    void sharednessIsChosenOnceAndASharedRunbookNamesNoTenant() {
        String tenant = newTenant();
        String name = "Shared " + UUID.randomUUID();
        Map<String, Object> definition = Map.of("name", name, "match", Map.of("check", "x-" + UUID.randomUUID()),
                "steps", List.of(CHECK_DISK_STEP));

        refusedNaming("tenant", supervisor(tenant).body(with(definition, Map.of("shared", true, "tenant", tenant)))
                .post("/v1/runbooks").then());
        String shared = supervisor(tenant).body(with(definition, Map.of("shared", true))).post("/v1/runbooks")
                .then().statusCode(201).extract().header("Location");
        refusedNaming("shared", supervisor(tenant).body(with(definition, Map.of("shared", false))).put(shared)
                .then());
        refusedNaming("tenant", supervisor(tenant).body(with(definition, Map.of("tenant", tenant))).put(shared)
                .then());
        // the same name may be a tenant's own and a shared one; twice shared it may not
        supervisor(tenant).body(definition).post("/v1/runbooks").then().statusCode(201).body("shared", equalTo(false));
        supervisor(newTenant()).body(with(definition, Map.of("shared", true))).post("/v1/runbooks").then()
                .statusCode(409);
        // importing a shared document saves the shared runbook's next version
        String yaml = "name: " + name + "\nshared: true\nmatch:\n  check: changed\nsteps:\n  - title: Look\n"
                + "    critical: false\n";
        supervisor(newTenant()).contentType("application/yaml").body(yaml.getBytes(StandardCharsets.UTF_8)).post("/v1/runbooks/import").then()
                .statusCode(200).body("version", equalTo(2)).body("shared", equalTo(true));
    }

    private static Map<String, Object> with(Map<String, Object> definition, Map<String, Object> more) {
        Map<String, Object> merged = new java.util.HashMap<>(definition);
        merged.putAll(more);
        return merged;
    }
}
