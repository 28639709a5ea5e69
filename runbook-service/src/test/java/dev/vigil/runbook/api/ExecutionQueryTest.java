package dev.vigil.runbook.api;

import static dev.vigil.runbook.Fixtures.as;
import static dev.vigil.runbook.Fixtures.newTenant;
import static dev.vigil.runbook.Fixtures.operator;
import static dev.vigil.runbook.Fixtures.supervisor;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import dev.vigil.platform.security.Roles;
import dev.vigil.testsupport.VigilTestResources;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = VigilTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ExecutionQueryTest {
    private static final String PROBLEM = "application/problem+json";

    @Test
    void tenantWithoutExecutionsSeesAnEmptyList() {
        supervisor(newTenant()).queryParam("status", "open").queryParam("limit", 500).get("/v1/executions")
                .then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void limitOutsideOneToFiveHundredIsRejected() {
        invalidQuery("limit", "0");
        invalidQuery("limit", "501");
        invalidQuery("limit", "ten");
    }

    @Test
    void unknownStatusIsRejected() {
        invalidQuery("status", "finished");
    }

    @Test
    void incidentIdThatIsNoUuidIsRejected() {
        invalidQuery("incidentId", "web-1");
    }

    @Test
    void unknownExecutionIsNotFound() {
        operator(newTenant()).get("/v1/executions/" + UUID.randomUUID()).then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void executionsNeedATokenAndAnOperatorRole() {
        given().get("/v1/executions").then().statusCode(401).contentType(PROBLEM);
        as(Roles.CUSTOMER, newTenant()).get("/v1/executions").then().statusCode(403).contentType(PROBLEM);
    }

    private static void invalidQuery(String parameter, String value) {
        operator(newTenant()).queryParam(parameter, value).get("/v1/executions")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:vigil:problem:validation"))
                .body("errors.field", hasItem(parameter));
    }
}
