package dev.vigil.notify.api;

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
    void creatingAnEndpointDocumentsTheSecretAnswerAndTheDuplicateUrl() throws JsonProcessingException {
        JsonNode create = Json.mapper().readTree(OpenApiCompleteness.fetch()).at("/paths/~1v1~1endpoints/post");

        assertEquals("#/components/schemas/CreatedEndpointView",
                create.at("/responses/201/content/application~1json/schema/$ref").asText());
        assertEquals("urn:vigil:problem:conflict",
                create.at("/responses/409/content/application~1problem+json/example/type").asText());
        assertEquals("[{\"jwt\":[\"customer\",\"supervisor\"]}]", create.get("security").toString());
    }
}
