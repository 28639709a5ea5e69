package dev.vigil.notify.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.vigil.contracts.Audience;
import dev.vigil.notify.NotifyTestResources;
import dev.vigil.notify.TestEndpoints;
import dev.vigil.notify.TestIncidents;
import dev.vigil.platform.problem.Problem;
import dev.vigil.platform.security.Roles;
import dev.vigil.testsupport.TestInfra;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** PATCH and DELETE of endpoints: who may, what changes, and every way a request is refused. */
@QuarkusTest
@WithTestResource(value = NotifyTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class EndpointChangeTest {

    @Test
    void aCustomerMovesDescribesDisablesAndEnablesItsEndpoint() {
        String tenant = TestIncidents.newTenant();
        UUID id = TestEndpoints.register(tenant, "https://127.0.0.1/hooks/" + tenant).id();
        String moved = "https://127.0.0.1/hooks/" + tenant + "-v2";

        as(Roles.CUSTOMER, tenant).contentType(ContentType.JSON)
                .body(Map.of("url", moved, "description", "  new paging bridge "))
                .when().patch("/v1/endpoints/" + id)
                .then().statusCode(200)
                .body("url", equalTo(moved))
                .body("description", equalTo("new paging bridge"))
                .body("enabled", equalTo(true))
                .body("secret", nullValue());
        as(Roles.CUSTOMER, tenant).contentType("application/merge-patch+json").body("{\"enabled\": false}")
                .when().patch("/v1/endpoints/" + id)
                .then().statusCode(200)
                .body("enabled", equalTo(false))
                .body("url", equalTo(moved))
                .body("disabledAt", notNullValue())
                .body("disabledReason", startsWith("disabled by "));
        as(Roles.SUPERVISOR, tenant).contentType(ContentType.JSON).body("{\"enabled\": true, \"description\": \"\"}")
                .when().patch("/v1/endpoints/" + id)
                .then().statusCode(200)
                .body("enabled", equalTo(true))
                .body("disabledAt", nullValue())
                .body("disabledReason", nullValue())
                .body("description", nullValue());
    }

    @Test
    void aDeletedEndpointIsGoneFromReadsAndItsUrlIsFreeAgain() {
        String tenant = TestIncidents.newTenant();
        String url = "https://127.0.0.1/hooks/" + tenant;
        UUID id = TestEndpoints.register(tenant, url).id();

        as(Roles.CUSTOMER, tenant).when().delete("/v1/endpoints/" + id).then().statusCode(204);

        as(Roles.CUSTOMER, tenant).when().get("/v1/endpoints/" + id).then().statusCode(404);
        as(Roles.OPERATOR, tenant).when().get("/v1/endpoints").then().statusCode(200)
                .body("items.id", not(hasItem(id.toString())));
        as(Roles.CUSTOMER, tenant).when().delete("/v1/endpoints/" + id).then().statusCode(404)
                .contentType(Problem.MEDIA_TYPE);
        as(Roles.CUSTOMER, tenant).contentType(ContentType.JSON).body("{\"enabled\": true}")
                .when().patch("/v1/endpoints/" + id).then().statusCode(404);
        TestEndpoints.register(tenant, url);
    }

    @Test
    void anotherTenantOrAnOperatorCannotChangeOrDeleteIt() {
        String tenant = TestIncidents.newTenant();
        UUID id = TestEndpoints.register(tenant, "https://127.0.0.1/hooks/" + tenant).id();
        String other = TestIncidents.newTenant();

        as(Roles.CUSTOMER, other).contentType(ContentType.JSON).body("{\"enabled\": false}")
                .when().patch("/v1/endpoints/" + id).then().statusCode(404).contentType(Problem.MEDIA_TYPE);
        as(Roles.SUPERVISOR, other).when().delete("/v1/endpoints/" + id).then().statusCode(404);
        as(Roles.OPERATOR, tenant).contentType(ContentType.JSON).body("{\"enabled\": false}")
                .when().patch("/v1/endpoints/" + id).then().statusCode(403).contentType(Problem.MEDIA_TYPE);
        as(Roles.OPERATOR, tenant).when().delete("/v1/endpoints/" + id).then().statusCode(403);
        given().contentType(ContentType.JSON).body("{\"enabled\": false}")
                .when().patch("/v1/endpoints/" + id).then().statusCode(401).contentType(Problem.MEDIA_TYPE);
        given().when().delete("/v1/endpoints/" + id).then().statusCode(401);

        as(Roles.CUSTOMER, tenant).when().get("/v1/endpoints/" + id).then().statusCode(200)
                .body("enabled", equalTo(true));
    }

    @Test
    void aCustomerCannotTouchTheMspsChannelOfItsTenant() {
        String tenant = TestIncidents.newTenant();
        UUID operators = TestEndpoints.register(tenant, "https://127.0.0.1/hooks/" + tenant + "-ops",
                Audience.OPERATORS).id();

        as(Roles.CUSTOMER, tenant).contentType(ContentType.JSON).body("{\"enabled\": false}")
                .when().patch("/v1/endpoints/" + operators).then().statusCode(404);
        as(Roles.CUSTOMER, tenant).when().delete("/v1/endpoints/" + operators).then().statusCode(404);
        as(Roles.SUPERVISOR, tenant).when().delete("/v1/endpoints/" + operators).then().statusCode(204);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"enabled\": \"yes\"}", "{\"enabled\": 1}", "{\"url\": \"ftp://x.example/\"}",
            "{\"description\": 5}", "{\"secret\": \"whsec_x\"}", "{\"enabled\": ", "[true]"})
    void aBadChangeIsRefusedAndChangesNothing(String body) {
        String tenant = TestIncidents.newTenant();
        UUID id = TestEndpoints.register(tenant, "https://127.0.0.1/hooks/" + tenant).id();

        as(Roles.CUSTOMER, tenant).contentType(ContentType.JSON).body(body)
                .when().patch("/v1/endpoints/" + id)
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE);
        as(Roles.CUSTOMER, tenant).when().get("/v1/endpoints/" + id).then().statusCode(200)
                .body("enabled", equalTo(true))
                .body("url", equalTo("https://127.0.0.1/hooks/" + tenant));
    }

    @Test
    void eachRefusalNamesItsField() {
        String tenant = TestIncidents.newTenant();
        UUID id = TestEndpoints.register(tenant, "https://127.0.0.1/hooks/" + tenant).id();
        TestEndpoints.register(tenant, "https://127.0.0.1/hooks/taken");

        as(Roles.CUSTOMER, tenant).contentType(ContentType.JSON).body("{\"url\": \"gopher://127.0.0.1/x\"}")
                .when().patch("/v1/endpoints/" + id).then().statusCode(400).body("errors.field", hasItem("url"));
        as(Roles.CUSTOMER, tenant).contentType(ContentType.JSON).body("{\"enabled\": \"yes\"}")
                .when().patch("/v1/endpoints/" + id).then().statusCode(400).body("errors.field", hasItem("enabled"));
        as(Roles.CUSTOMER, tenant).contentType(ContentType.JSON).body("{\"kinds\": [\"incident.escalated\"]}")
                .when().patch("/v1/endpoints/" + id).then().statusCode(400).body("errors.field", hasItem("kinds"));
        as(Roles.CUSTOMER, tenant).contentType(ContentType.JSON).body("{\"minSeverity\": \"high\"}")
                .when().patch("/v1/endpoints/" + id).then().statusCode(400)
                .body("errors.field", hasItem("minSeverity"));
        as(Roles.CUSTOMER, tenant).contentType(ContentType.JSON)
                .body(Map.of("description", "d".repeat(501)))
                .when().patch("/v1/endpoints/" + id).then().statusCode(400)
                .body("errors.field", hasItem("description"));
        as(Roles.CUSTOMER, tenant).contentType(ContentType.JSON).body("{\"url\": \"https://127.0.0.1/hooks/taken\"}")
                .when().patch("/v1/endpoints/" + id).then().statusCode(409).contentType(Problem.MEDIA_TYPE);
        as(Roles.CUSTOMER, tenant).contentType(ContentType.JSON).body("{\"enabled\": true}")
                .when().patch("/v1/endpoints/not-a-uuid").then().statusCode(400).body("errors[0].field", equalTo("id"));
        as(Roles.CUSTOMER, tenant).when().delete("/v1/endpoints/not-a-uuid").then().statusCode(400)
                .body("errors[0].field", equalTo("id"));
        as(Roles.CUSTOMER, tenant).contentType(ContentType.JSON).body("{\"enabled\": true}")
                .when().patch("/v1/endpoints/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void anEndpointNamesTheKindsAndLeastSeverityItWantsAndMayChangeThem() {
        String tenant = TestIncidents.newTenant();
        String id = as(Roles.CUSTOMER, tenant).contentType(ContentType.JSON)
                .body("{\"url\": \"https://127.0.0.1/hooks/" + tenant + "\", \"kinds\": [\"incident.resolved\"],"
                        + " \"minSeverity\": \"major\"}")
                .when().post("/v1/endpoints")
                .then().statusCode(201)
                .body("kinds", equalTo(List.of("incident.resolved")))
                .body("minSeverity", equalTo("major"))
                .extract().path("id");
        UUID operators = TestEndpoints.register(tenant, "https://127.0.0.1/hooks/" + tenant + "-ops",
                Audience.OPERATORS).id();

        as(Roles.CUSTOMER, tenant).contentType(ContentType.JSON)
                .body("{\"kinds\": [\"incident.confirmed\", \"incident.resolved\"], \"minSeverity\": \"info\"}")
                .when().patch("/v1/endpoints/" + id)
                .then().statusCode(200)
                .body("kinds", equalTo(List.of("incident.confirmed", "incident.resolved")))
                .body("minSeverity", equalTo("info"));
        as(Roles.SUPERVISOR, tenant).when().get("/v1/endpoints/" + operators)
                .then().statusCode(200)
                .body("kinds", equalTo(List.of("incident.awaiting-decision", "endpoint.disabled")))
                .body("minSeverity", nullValue());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"kinds\": []}", "{\"kinds\": [\"incident.escalated\"]}", "{\"kinds\": [\"everything\"]}",
            "{\"kinds\": [null]}", "{\"kinds\": \"incident.resolved\"}", "{\"minSeverity\": \"high\"}",
            "{\"minSeverity\": 2}"})
    void aKindTheAudienceDoesNotHearOrAnUnknownSeverityIsRefused(String body) {
        String tenant = TestIncidents.newTenant();
        UUID id = TestEndpoints.register(tenant, "https://127.0.0.1/hooks/" + tenant).id();

        as(Roles.CUSTOMER, tenant).contentType(ContentType.JSON).body(body)
                .when().patch("/v1/endpoints/" + id)
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE);
        as(Roles.CUSTOMER, tenant).contentType(ContentType.JSON)
                .body(body.replace("{", "{\"url\": \"https://127.0.0.1/hooks/new-" + tenant + "\", "))
                .when().post("/v1/endpoints")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE);
        as(Roles.CUSTOMER, tenant).when().get("/v1/endpoints/" + id).then().statusCode(200)
                .body("kinds", equalTo(List.of("incident.confirmed", "incident.progress", "incident.resolved")))
                .body("minSeverity", nullValue());
    }

    private static RequestSpecification as(String role, String tenant) {
        return given().auth().oauth2(TestInfra.token(role, tenant));
    }
}
