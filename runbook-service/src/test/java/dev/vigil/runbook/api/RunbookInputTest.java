package dev.vigil.runbook.api;

import static dev.vigil.runbook.Fixtures.newTenant;
import static dev.vigil.runbook.Fixtures.supervisor;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.vigil.platform.security.Roles;
import dev.vigil.testsupport.UnauthorizedChecks;
import dev.vigil.testsupport.VigilTestResources;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

/** What the runbook catalog refuses before it stores a runbook, and how it says so. */
@QuarkusTest
@WithTestResource(value = VigilTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class RunbookInputTest {
    private static final String PROBLEM = "application/problem+json";
    private static final String STEP = "{\"title\":\"Check disk\",\"critical\":false}";

    @Test
    void textPostgresCannotStoreIsRefusedWhereverItIsNamingTheField() {
        refused("{\"name\":\"Disk\\u0000full\",\"match\":{\"check\":\"disk\"},\"steps\":[" + STEP + "]}", "name");
        refused("{\"name\":\"Disk\",\"description\":\"\\ud800\",\"match\":{\"check\":\"disk\"},\"steps\":[" + STEP
                + "]}", "description");
        refused("{\"name\":\"Disk\",\"match\":{\"check\":\"di\\u0000sk\"},\"steps\":[" + STEP + "]}", "match.check");
        refused("{\"name\":\"Disk\",\"match\":{\"ch\\u0000eck\":\"disk\"},\"steps\":[" + STEP + "]}", "match");
        refused("{\"name\":\"Disk\",\"match\":{\"check\":\"disk\"},\"steps\":[" + STEP
                + ",{\"title\":\"Restart\",\"instructions\":\"systemctl\\udc00\",\"critical\":true}]}",
                "steps[1].instructions");
    }

    @Test
    void aFieldNamedTwiceIsRefusedNamingItsPath() {
        supervisor(newTenant()).contentType(ContentType.JSON)
                .body("{\"name\":\"Disk\",\"match\":{\"check\":\"disk\"},\"steps\":[{\"title\":\"A\",\"title\":\"B\","
                        + "\"critical\":false}]}")
                .post("/v1/runbooks").then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:vigil:problem:malformed-json"))
                .body("errors[0].field", equalTo("steps[0].title"));
    }

    @Test
    void everyRefusedTokenIsA401WithABearerChallenge() {
        UnauthorizedChecks.assertEveryBadTokenIsChallenged(Roles.SUPERVISOR, "acme", spec -> spec.get("/v1/runbooks"));
        UnauthorizedChecks.assertEveryBadTokenIsChallenged(Roles.SUPERVISOR, "acme", spec -> spec
                .contentType(ContentType.JSON).body("{}").post("/v1/runbooks"));
        UnauthorizedChecks.assertEveryBadTokenIsChallenged(Roles.OPERATOR, "acme", spec -> spec.get("/v1/executions"));
    }

    private static ValidatableResponse refused(String body, String field) {
        return supervisor(newTenant()).contentType(ContentType.JSON).body(body).post("/v1/runbooks")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:vigil:problem:validation"))
                .body("errors.field", hasItem(field));
    }
}
