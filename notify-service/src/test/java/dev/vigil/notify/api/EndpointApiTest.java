package dev.vigil.notify.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
@WithTestResource(value = NotifyTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class EndpointApiTest {

    @Test
    void createdEndpointShowsItsSecretOnceAndListsWithoutIt() {
        String tenant = TestIncidents.newTenant();
        String url = "https://127.0.0.1/hooks/" + tenant;

        var created = as(Roles.CUSTOMER, tenant).contentType(ContentType.JSON)
                .body(Map.of("url", url, "description", "ops channel"))
                .when().post("/v1/endpoints")
                .then().statusCode(201)
                .body("url", equalTo(url))
                .body("description", equalTo("ops channel"))
                .body("audience", equalTo("customer"))
                .body("secret", startsWith("whsec_"))
                .extract();
        String id = created.path("id");
        assertThat(created.header("Location"), endsWith("/v1/endpoints/" + id));

        as(Roles.CUSTOMER, tenant).when().get("/v1/endpoints")
                .then().statusCode(200)
                .body("items.id", hasItem(id))
                .body("items[0]", not(hasKey("secret")));
        as(Roles.OPERATOR, tenant).when().get("/v1/endpoints/" + id)
                .then().statusCode(200)
                .body("url", equalTo(url))
                .body("$", not(hasKey("secret")));
    }

    @Test
    void sameUrlTwiceForOneTenantConflictsButAnotherTenantMayUseIt() {
        String tenant = TestIncidents.newTenant();
        Map<String, String> body = Map.of("url", "https://127.0.0.1/hooks/shared");
        as(Roles.SUPERVISOR, tenant).contentType(ContentType.JSON).body(body).post("/v1/endpoints")
                .then().statusCode(201);

        as(Roles.CUSTOMER, tenant).contentType(ContentType.JSON).body(body).post("/v1/endpoints")
                .then().statusCode(409)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("urn:vigil:problem:conflict"));
        as(Roles.CUSTOMER, TestIncidents.newTenant()).contentType(ContentType.JSON).body(body).post("/v1/endpoints")
                .then().statusCode(201);
    }

    @ParameterizedTest
    @ValueSource(strings = {"not a url", "/relative/hook", "ftp://files.example.com/hook", "https://user:pw@127.0.0.1/",
            "https:///nohost"})
    void unacceptableUrlIsRejectedNamingTheUrlField(String url) {
        as(Roles.CUSTOMER, TestIncidents.newTenant()).contentType(ContentType.JSON).body(Map.of("url", url))
                .when().post("/v1/endpoints")
                .then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("errors.field", hasItem("url"));
    }

    @Test
    void missingUrlIsRejectedNamingTheUrlField() {
        as(Roles.CUSTOMER, TestIncidents.newTenant()).contentType(ContentType.JSON)
                .body(Map.of("description", "no url"))
                .when().post("/v1/endpoints")
                .then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("errors.field", hasItem("url"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{not json}", "{\"url\": ", "[1, 2"})
    void malformedJsonIsRejectedAsProblem(String body) {
        as(Roles.CUSTOMER, TestIncidents.newTenant()).contentType(ContentType.JSON).body(body)
                .when().post("/v1/endpoints")
                .then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", startsWith("urn:vigil:problem:"));
    }

    @Test
    void emptyBodyIsRejectedAsProblem() {
        as(Roles.CUSTOMER, TestIncidents.newTenant()).contentType(ContentType.JSON)
                .when().post("/v1/endpoints")
                .then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void missingTokenIsUnauthorized() {
        given().contentType(ContentType.JSON).body(Map.of("url", "https://127.0.0.1/hooks/x"))
                .when().post("/v1/endpoints")
                .then().statusCode(401)
                .contentType(Problem.MEDIA_TYPE);
        given().when().get("/v1/endpoints").then().statusCode(401).contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void operatorMayListButNotRegisterEndpoints() {
        String tenant = TestIncidents.newTenant();

        as(Roles.OPERATOR, tenant).contentType(ContentType.JSON).body(Map.of("url", "https://127.0.0.1/hooks/x"))
                .when().post("/v1/endpoints")
                .then().statusCode(403)
                .contentType(Problem.MEDIA_TYPE);
        as(Roles.OPERATOR, tenant).when().get("/v1/endpoints").then().statusCode(200);
    }

    @Test
    void aCustomerCreatesForItsOwnTenantOnly() {
        String tenant = TestIncidents.newTenant();
        String victim = TestIncidents.newTenant();

        as(Roles.CUSTOMER, tenant).contentType(ContentType.JSON)
                .body(Map.of("url", "https://127.0.0.1/hooks/" + tenant, "tenant", victim))
                .when().post("/v1/endpoints")
                .then().statusCode(403).contentType("application/problem+json");
        as(Roles.CUSTOMER, victim).when().get("/v1/endpoints").then().statusCode(200).body("items", empty());

        as(Roles.CUSTOMER, tenant).contentType(ContentType.JSON)
                .body(Map.of("url", "https://127.0.0.1/hooks/" + tenant, "tenant", tenant))
                .when().post("/v1/endpoints")
                .then().statusCode(201).body("tenant", equalTo(tenant));
        as(Roles.CUSTOMER, tenant).when().get("/v1/endpoints").then().statusCode(200)
                .body("items.url", hasItem("https://127.0.0.1/hooks/" + tenant));
    }

    @Test
    void staffOfTwoTenantsManageBothButNotAThird() {
        String a = TestIncidents.newTenant();
        String b = TestIncidents.newTenant();
        String c = TestIncidents.newTenant();
        String ofC = TestEndpoints.register(c, "https://127.0.0.1/hooks/" + c).id().toString();
        String staff = TestInfra.staffToken(Roles.SUPERVISOR, List.of(a, b));

        given().auth().oauth2(staff).contentType(ContentType.JSON).body(Map.of("url", "https://127.0.0.1/hooks/x"))
                .post("/v1/endpoints").then().statusCode(400).body("errors[0].field", equalTo("tenant"));
        given().auth().oauth2(staff).contentType(ContentType.JSON)
                .body(Map.of("url", "https://127.0.0.1/hooks/c", "tenant", c))
                .post("/v1/endpoints").then().statusCode(403);
        for (String tenant : List.of(a, b)) {
            given().auth().oauth2(staff).contentType(ContentType.JSON)
                    .body(Map.of("url", "https://127.0.0.1/hooks/" + tenant, "tenant", tenant))
                    .post("/v1/endpoints").then().statusCode(201).body("tenant", equalTo(tenant));
        }

        given().auth().oauth2(staff).get("/v1/endpoints").then().statusCode(200)
                .body("items.tenant", containsInAnyOrder(a, b));
        given().auth().oauth2(staff).get("/v1/endpoints?tenant=" + a).then().statusCode(200)
                .body("items.tenant", equalTo(List.of(a)));
        given().auth().oauth2(staff).get("/v1/endpoints?tenant=" + c).then().statusCode(403);
        given().auth().oauth2(staff).get("/v1/deliveries?tenant=" + c).then().statusCode(403);
        given().auth().oauth2(staff).get("/v1/endpoints/" + ofC).then().statusCode(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"operators", "supervisors"})
    void aCustomerCannotRegisterAnEndpointForTheMspsStaff(String audience) {
        String tenant = TestIncidents.newTenant();

        as(Roles.CUSTOMER, tenant).contentType(ContentType.JSON)
                .body(Map.of("url", "https://127.0.0.1/hooks/" + tenant, "audience", audience))
                .when().post("/v1/endpoints")
                .then().statusCode(403)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("urn:vigil:problem:forbidden"))
                .body("errors.field", hasItem("audience"));
        as(Roles.SUPERVISOR, tenant).when().get("/v1/endpoints").then().statusCode(200).body("items", empty());
    }

    @Test
    void aSupervisorRegistersTheOperatorsChannelWhichTheCustomerNeverSees() {
        String tenant = TestIncidents.newTenant();
        String own = TestEndpoints.register(tenant, "https://127.0.0.1/hooks/" + tenant).id().toString();

        String channel = as(Roles.SUPERVISOR, tenant).contentType(ContentType.JSON)
                .body(Map.of("url", "https://127.0.0.1/chat/" + tenant, "audience", "operators"))
                .when().post("/v1/endpoints")
                .then().statusCode(201)
                .body("audience", equalTo("operators"))
                .extract().path("id");

        as(Roles.CUSTOMER, tenant).when().get("/v1/endpoints").then().statusCode(200)
                .body("items.id", equalTo(List.of(own)));
        as(Roles.CUSTOMER, tenant).when().get("/v1/endpoints/" + channel).then().statusCode(404)
                .contentType(Problem.MEDIA_TYPE);
        as(Roles.CUSTOMER, tenant).when().get("/v1/endpoints/" + own).then().statusCode(200)
                .body("audience", equalTo("customer"));
        as(Roles.OPERATOR, tenant).when().get("/v1/endpoints").then().statusCode(200)
                .body("items.id", containsInAnyOrder(own, channel));
        as(Roles.OPERATOR, tenant).when().get("/v1/endpoints/" + channel).then().statusCode(200)
                .body("audience", equalTo("operators"));
    }

    @Test
    void staffNarrowTheListToOneAudienceAndACustomerMayAskOnlyForItsOwn() {
        String tenant = TestIncidents.newTenant();
        Map<String, String> ids = new HashMap<>();
        for (String audience : List.of("customer", "operators", "supervisors")) {
            ids.put(audience, as(Roles.SUPERVISOR, tenant).contentType(ContentType.JSON)
                    .body(Map.of("url", "https://127.0.0.1/hooks/" + audience, "audience", audience))
                    .post("/v1/endpoints").then().statusCode(201).extract().path("id"));
        }

        for (String audience : ids.keySet()) {
            as(Roles.SUPERVISOR, tenant).queryParam("audience", audience).when().get("/v1/endpoints")
                    .then().statusCode(200)
                    .body("items.id", equalTo(List.of(ids.get(audience))));
        }
        as(Roles.CUSTOMER, tenant).queryParam("audience", "customer").when().get("/v1/endpoints")
                .then().statusCode(200).body("items.id", equalTo(List.of(ids.get("customer"))));
        as(Roles.CUSTOMER, tenant).queryParam("audience", "supervisors").when().get("/v1/endpoints")
                .then().statusCode(403).contentType(Problem.MEDIA_TYPE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"everyone\"", "\"Operators\"", "\"\"", "1", "true", "[\"customer\"]"})
    void anUnknownAudienceIsRefusedNamingTheField(String audience) {
        String tenant = TestIncidents.newTenant();

        as(Roles.SUPERVISOR, tenant).contentType(ContentType.JSON)
                .body("{\"url\": \"https://127.0.0.1/hooks/x\", \"audience\": " + audience + "}")
                .when().post("/v1/endpoints")
                .then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("errors.field", hasItem("audience"));
        as(Roles.SUPERVISOR, tenant).when().get("/v1/endpoints").then().statusCode(200).body("items", empty());
    }

    @Test
    void anUnknownAudienceFilterIsRefusedNamingIt() {
        as(Roles.OPERATOR, TestIncidents.newTenant()).queryParam("audience", "everyone").when().get("/v1/endpoints")
                .then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("errors.field", hasItem("audience"));
    }

    private static RequestSpecification as(String role, String tenant) {
        return given().auth().oauth2(TestInfra.token(role, tenant));
    }
}
