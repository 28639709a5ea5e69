package dev.vigil.runbook.api;

import static dev.vigil.runbook.Fixtures.newTenant;
import static dev.vigil.runbook.Fixtures.openExecution;
import static dev.vigil.runbook.Fixtures.operator;
import static dev.vigil.runbook.Fixtures.supervisor;
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
    void theDocumentedClosingsAreAcceptedAndAnsweredAsDocumented() throws JsonProcessingException {
        JsonNode document = Json.mapper().readTree(OpenApiCompleteness.fetch());
        String tenant = newTenant();

        Map.of("complete", "note", "abandon", "reason").forEach((action, example) -> {
            String path = "/v1/executions/{id}/" + action;
            JsonNode close = document.at("/paths/" + path.replace("/", "~1") + "/post");
            assertEquals("#/components/schemas/ExecutionView",
                    close.at("/responses/200/content/application~1json/schema/$ref").asText());
            assertEquals("urn:vigil:problem:conflict",
                    close.at("/responses/409/content/application~1problem+json/example/type").asText());
            operator(tenant).body(OpenApiCompleteness.requestExample(document, "POST", path, example))
                    .post("/v1/executions/" + openExecution(tenant) + "/" + action).then().statusCode(200);
        });
    }
}
