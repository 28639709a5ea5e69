package dev.vigil.notify.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import dev.vigil.notify.NotifyTestResources;
import dev.vigil.notify.TestEndpoints;
import dev.vigil.notify.TestIncidents;
import dev.vigil.notify.WebhookReceiver;
import dev.vigil.platform.problem.Problem;
import dev.vigil.platform.security.Roles;
import dev.vigil.testsupport.TestInfra;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = NotifyTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class TenantIsolationTest {
    private static final WebhookReceiver receiver = WebhookReceiver.shared();

    @Test
    void tenantCannotListOrReadAnotherTenantsEndpoints() {
        String tenantA = TestIncidents.newTenant();
        String tenantB = TestIncidents.newTenant();
        TestEndpoints.Registered endpointB = TestEndpoints.register(tenantB, "https://127.0.0.1/hooks/" + tenantB);

        as(Roles.CUSTOMER, tenantA).when().get("/v1/endpoints")
                .then().statusCode(200).body("id", not(hasItem(endpointB.id().toString())));
        as(Roles.SUPERVISOR, tenantA).when().get("/v1/endpoints/" + endpointB.id())
                .then().statusCode(404).contentType(Problem.MEDIA_TYPE);
        as(Roles.CUSTOMER, tenantB).when().get("/v1/endpoints/" + endpointB.id())
                .then().statusCode(200).body("id", equalTo(endpointB.id().toString()));
    }

    @Test
    void tenantCannotSeeAnotherTenantsDeliveries() {
        String tenantA = TestIncidents.newTenant();
        String tenantB = TestIncidents.newTenant();
        TestEndpoints.register(tenantB, receiver.url("/" + tenantB));
        UUID incidentB = UUID.randomUUID();

        TestIncidents.publish(TestIncidents.confirmed(tenantB, incidentB));

        await().atMost(Duration.ofSeconds(30)).until(() -> !receiver.received("/" + tenantB).isEmpty());
        as(Roles.CUSTOMER, tenantB).queryParam("incidentId", incidentB.toString()).when().get("/v1/deliveries")
                .then().statusCode(200).body("items.incidentId", hasItem(incidentB.toString()));
        as(Roles.CUSTOMER, tenantA).when().get("/v1/deliveries")
                .then().statusCode(200).body("items", empty());
        as(Roles.OPERATOR, tenantA).queryParam("incidentId", incidentB.toString()).when().get("/v1/deliveries")
                .then().statusCode(200).body("items", empty());
    }

    @Test
    void deliveriesQueryRejectsBadParametersNamingThem() {
        String tenant = TestIncidents.newTenant();

        as(Roles.CUSTOMER, tenant).queryParam("limit", "501").when().get("/v1/deliveries")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE).body("errors.field", hasItem("limit"));
        as(Roles.CUSTOMER, tenant).queryParam("limit", "many").when().get("/v1/deliveries")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE).body("errors.field", hasItem("limit"));
        as(Roles.CUSTOMER, tenant).queryParam("incidentId", "not-a-uuid").when().get("/v1/deliveries")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE).body("errors.field", hasItem("incidentId"));
    }

    private static RequestSpecification as(String role, String tenant) {
        return given().auth().oauth2(TestInfra.token(role, tenant));
    }
}
