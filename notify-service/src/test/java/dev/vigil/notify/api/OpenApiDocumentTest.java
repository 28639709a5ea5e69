package dev.vigil.notify.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.contracts.Json;
import dev.vigil.notify.NotifyTestResources;
import dev.vigil.testsupport.OpenApiCompleteness;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** The document at /q/openapi tells a client every body, answer, problem and credential (copy in target/). */
@QuarkusTest
@WithTestResource(value = NotifyTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
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

    @Test
    void anEndpointsAudienceAndWhatACustomerMayNotAskForAreDocumented() throws JsonProcessingException {
        JsonNode document = Json.mapper().readTree(OpenApiCompleteness.fetch());
        String audiences = "[\"customer\",\"operators\",\"supervisors\"]";

        JsonNode requested = document.at("/components/schemas/CreateEndpointRequest/properties/audience");
        assertEquals(audiences, requested.get("enum").toString());
        assertEquals("customer", requested.get("default").asText());
        assertEquals(audiences, document.at("/components/schemas/Audience/enum").toString());
        for (String view : List.of("EndpointView", "CreatedEndpointView")) {
            JsonNode shown = document.at("/components/schemas/" + view + "/properties/audience");
            assertEquals("#/components/schemas/Audience", shown.get("$ref").asText(), view);
            assertTrue(shown.get("description").asText().contains("Customer tokens see customer endpoints only"), view);
        }
        assertTrue(document.at("/paths/~1v1~1endpoints/post/responses/403/description").asText()
                .contains("a customer asks for an operators or supervisors endpoint"));
        JsonNode parameters = document.at("/paths/~1v1~1endpoints/get/parameters");
        JsonNode filter = StreamSupport.stream(parameters.spliterator(), false)
                .filter(p -> p.get("name").asText().equals("audience")).findFirst().orElseThrow();
        assertEquals(audiences, filter.at("/schema/enum").toString());
        assertTrue(filter.get("description").asText().contains("refused with 403"));
    }
}
