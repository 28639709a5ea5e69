package dev.vigil.ingest.api;

import static dev.vigil.testsupport.OpenApiCompleteness.requestExample;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.contracts.Json;
import dev.vigil.ingest.TestTenants;
import dev.vigil.testsupport.OpenApiCompleteness;
import dev.vigil.testsupport.TestInfra;
import dev.vigil.testsupport.VigilTestResources;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
    void probesAreToldToSendAnIngestKeyAndAdminsAnAdminJwt() throws JsonProcessingException {
        JsonNode document = document();

        assertEquals("[{\"ingestKey\":[]}]", document.at("/paths/~1v1~1alerts/post/security").toString());
        assertEquals("[{\"jwt\":[\"admin\"]}]", document.at("/paths/~1v1~1tenants/post/security").toString());
        assertEquals("[{\"jwt\":[\"admin\"]}]",
                document.at("/paths/~1v1~1tenants~1{id}~1ingest-keys~1{keyId}/delete/security").toString());
        assertEquals("JWT", document.at("/components/securitySchemes/jwt/bearerFormat").asText());
        assertEquals("bearer", document.at("/components/securitySchemes/ingestKey/scheme").asText());
    }

    @Test
    void heartbeatsArePingedWithAnIngestKeyAndChangedByStaff() throws JsonProcessingException {
        JsonNode document = document();

        assertEquals("[{\"ingestKey\":[]}]",
                document.at("/paths/~1v1~1heartbeats~1{name}/post/security").toString());
        assertEquals("[{\"jwt\":[\"admin\",\"supervisor\"]}]",
                document.at("/paths/~1v1~1heartbeats~1{name}/put/security").toString());
        assertEquals("#/components/schemas/PageHeartbeatView",
                document.at("/paths/~1v1~1heartbeats/get/responses/200/content/application~1json/schema/$ref")
                        .asText());
    }

    @Test
    void alertsAreOneAlertOrABatchAndTheBrokersRefusalIsDocumented() throws JsonProcessingException {
        JsonNode document = document();
        JsonNode ingest = document.at("/paths/~1v1~1alerts/post");

        assertEquals(List.of("#/components/schemas/AlertRequest", "#/components/schemas/AlertRequestBatch"),
                ingest.at("/requestBody/content/application~1json/schema/oneOf").findValuesAsText("$ref"));
        assertEquals(List.of("202", "400", "401", "413", "415", "429", "503"), fieldNames(ingest.get("responses")));
        assertEquals("urn:vigil:problem:unavailable",
                ingest.at("/responses/503/content/application~1problem+json/example/type").asText());
        assertEquals(List.of("201", "400", "401", "403", "409", "413", "415", "503"),
                fieldNames(document.at("/paths/~1v1~1tenants/post/responses")));
    }

    @Test
    void theDocumentedExamplesAreAccepted() throws JsonProcessingException {
        JsonNode document = document();
        String admin = TestInfra.adminToken();
        String tenantExample = requestExample(document, "POST", "/v1/tenants", "tenant");
        String tenant = Json.mapper().readTree(tenantExample).get("id").asText();

        given().auth().oauth2(admin).contentType(ContentType.JSON).body(tenantExample)
                .post("/v1/tenants").then().statusCode(201);
        String key = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(requestExample(document, "POST", "/v1/tenants/{id}/ingest-keys", "named key"))
                .post("/v1/tenants/" + tenant + "/ingest-keys").then().statusCode(201).extract().path("key");
        given().auth().oauth2(key).contentType(ContentType.JSON)
                .body(requestExample(document, "POST", "/v1/alerts", "one"))
                .post("/v1/alerts").then().statusCode(202).body("accepted", equalTo(1));
        given().auth().oauth2(key).contentType(ContentType.JSON)
                .body(requestExample(document, "POST", "/v1/alerts", "batch"))
                .post("/v1/alerts").then().statusCode(202).body("accepted", equalTo(2));
    }

    @Test
    void grafanasAndPagerDutysExamplesAreAcceptedAndEnqueueIsDocumentedAsTheSame() throws JsonProcessingException {
        JsonNode document = document();
        String key = TestTenants.register().key();
        for (String example : List.of("firing", "resolved")) {
            given().auth().oauth2(key).contentType(ContentType.JSON)
                    .body(requestExample(document, "POST", "/v1/ingest/grafana", example))
                    .post("/v1/ingest/grafana").then().statusCode(202).body("accepted", equalTo(1));
        }
        for (String example : List.of("trigger", "acknowledge", "resolve")) {
            String event = Json.mapper().readTree(requestExample(document, "POST", "/v2/enqueue", example))
                    .toString().replace("vik_your-ingest-key", key);
            given().contentType(ContentType.JSON).body(event).post("/v2/enqueue").then().statusCode(202)
                    .body("dedup_key", equalTo("srv01-http-5xx"));
        }
        for (String part : List.of("/requestBody", "/responses", "/security")) {
            assertEquals(document.at("/paths/~1v1~1ingest~1pagerduty/post" + part),
                    document.at("/paths/~1v2~1enqueue/post" + part), part);
        }
        assertEquals("#/components/schemas/PagerDutyAccepted", document.at(
                "/paths/~1v2~1enqueue/post/responses/202/content/application~1json/schema/$ref").asText());
    }

    private static JsonNode document() throws JsonProcessingException {
        return Json.mapper().readTree(OpenApiCompleteness.fetch());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
