package dev.vigil.runbook.api;

import static dev.vigil.runbook.Fixtures.newTenant;
import static dev.vigil.runbook.Fixtures.openExecution;
import static dev.vigil.runbook.Fixtures.operator;
import static dev.vigil.runbook.Fixtures.supervisor;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.contracts.Json;
import dev.vigil.testsupport.OpenApiCompleteness;
import dev.vigil.testsupport.VigilTestResources;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The document at /q/openapi tells a client every body, answer, problem and credential (copy in target/). */
@QuarkusTest
@WithTestResource(value = VigilTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class OpenApiDocumentTest {

    @Test
    void everyOperationDocumentsItsBodiesAnswersProblemsAndCredentials() {
        OpenApiCompleteness.assertServedDocumentComplete(Path.of("target", "openapi.json"));
    }

    @Test
    void theDocumentedRunbookIsAcceptedAndAnsweredAsDocumented() throws JsonProcessingException {
        JsonNode document = Json.mapper().readTree(OpenApiCompleteness.fetch());
        JsonNode create = document.at("/paths/~1v1~1runbooks/post");

        assertEquals("#/components/schemas/RunbookView",
                create.at("/responses/201/content/application~1json/schema/$ref").asText());
        assertEquals("urn:vigil:problem:conflict",
                create.at("/responses/409/content/application~1problem+json/example/type").asText());
        supervisor(newTenant()).body(OpenApiCompleteness.requestExample(document, "POST", "/v1/runbooks", "runbook"))
                .post("/v1/runbooks").then().statusCode(201);
    }

    @Test
    void theDocumentedStepMovesAndAbandonmentAreAcceptedAndAnsweredAsDocumented() throws JsonProcessingException {
        JsonNode document = Json.mapper().readTree(OpenApiCompleteness.fetch());
        String tenant = newTenant();

        Map.of("steps/{n}/{move}", "note", "abandon", "reason").forEach((action, example) -> {
            String path = "/v1/executions/{id}/" + action;
            JsonNode operation = document.at("/paths/" + path.replace("/", "~1") + "/post");
            assertEquals("#/components/schemas/ExecutionView",
                    operation.at("/responses/200/content/application~1json/schema/$ref").asText());
            assertEquals("urn:vigil:problem:conflict",
                    operation.at("/responses/409/content/application~1problem+json/example/type").asText());
            String concrete = action.replace("{n}", "1").replace("{move}", "skip");
            operator(tenant).body(OpenApiCompleteness.requestExample(document, "POST", path, example))
                    .post("/v1/executions/" + openExecution(tenant) + "/" + concrete).then().statusCode(200);
        });
        // the example corrects the second entry: the start of step 1
        UUID started = openExecution(tenant);
        operator(tenant).post("/v1/executions/" + started + "/steps/1/start").then().statusCode(200);
        String timeline = "/v1/executions/{id}/timeline";
        operator(tenant).body(OpenApiCompleteness.requestExample(document, "POST", timeline, "correction"))
                .post(timeline.replace("{id}", started.toString())).then().statusCode(201)
                .body("corrects", equalTo(2));
    }
}
