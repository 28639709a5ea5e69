package dev.vigil.notify.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.contracts.Audience;
import dev.vigil.contracts.CloudEventHeaders;
import dev.vigil.contracts.EventIds;
import dev.vigil.contracts.EventTypes;
import dev.vigil.contracts.IncidentEvent;
import dev.vigil.contracts.Json;
import dev.vigil.contracts.Topics;
import dev.vigil.notify.NotifyTestResources;
import dev.vigil.notify.TestDeliveries;
import dev.vigil.notify.TestEndpoints;
import dev.vigil.notify.TestIncidents;
import dev.vigil.notify.WebhookReceiver;
import dev.vigil.platform.problem.Problem;
import dev.vigil.platform.security.Roles;
import dev.vigil.testsupport.TestInfra;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * An endpoint and its receiver: a 410 Gone disables it and the tenant's staff hear of it, deleting it gives up what
 * waits for it, and a test send reports what the receiver answered.
 */
@QuarkusTest
@WithTestResource(value = NotifyTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class EndpointReceiverTest {
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    private static final WebhookReceiver receiver = WebhookReceiver.shared();

    @Inject
    Pool pool;

    @Test
    void a410DisablesTheEndpointTellsTheStaffOnceAndEnablingItLetsAReplayThrough() throws Exception {
        String tenant = TestIncidents.newTenant();
        String customerPath = "/" + tenant;
        String staffPath = "/" + tenant + "-operators";
        TestEndpoints.Registered customer = TestEndpoints.register(tenant, receiver.url(customerPath));
        TestEndpoints.Registered operators = TestEndpoints.register(tenant, receiver.url(staffPath),
                Audience.OPERATORS);
        receiver.answer(customerPath, 410);
        IncidentEvent confirmed = TestIncidents.confirmed(tenant, UUID.randomUUID());
        UUID deliveryId = EventIds.derived(confirmed.eventId(), "delivery", customer.id().toString());

        TestIncidents.publish(confirmed);

        TestDeliveries.awaitStatus(tenant, confirmed.incidentId(), "failed");
        given().auth().oauth2(TestInfra.token(Roles.CUSTOMER, tenant))
                .when().get("/v1/endpoints/" + customer.id())
                .then().statusCode(200)
                .body("enabled", equalTo(false))
                .body("disabledReason", containsString("410 Gone"));
        await().atMost(DEADLINE).until(() -> receiver.received(staffPath).size() == 1);
        WebhookReceiver.Request notice = receiver.received(staffPath).get(0);
        assertTrue(notice.signedWith(operators.secret()));
        var body = Json.mapper().readTree(notice.body());
        assertEquals("endpoint.disabled", body.path("type").asText());
        assertEquals(customer.id().toString(), body.path("data").path("endpointId").asText());
        assertTrue(body.path("data").path("message").asText().contains(receiver.url(customerPath)),
                body.path("data").path("message").asText());

        UUID later = UUID.randomUUID();
        TestIncidents.publish(TestIncidents.confirmed(tenant, later));
        // the same incident's next event, on the same partition: once the operators have it, the confirmation was
        // consumed too
        TestIncidents.publish(TestIncidents.awaitingDecision(tenant, later));
        await().atMost(DEADLINE).until(() -> receiver.received(staffPath).size() == 2);
        assertEquals(1, receiver.received(customerPath).size(), "nothing is sent to a disabled endpoint");
        assertEquals(0, TestDeliveries.of(tenant, later).then().extract().jsonPath().getList("items").size(),
                "nor planned for it");
        given().auth().oauth2(TestInfra.token(Roles.CUSTOMER, tenant))
                .when().post("/v1/deliveries/" + deliveryId + "/replay")
                .then().statusCode(409).contentType(Problem.MEDIA_TYPE)
                .body("detail", containsString("disabled"));

        given().auth().oauth2(TestInfra.token(Roles.CUSTOMER, tenant)).contentType("application/json")
                .body("{\"enabled\": true}")
                .when().patch("/v1/endpoints/" + customer.id())
                .then().statusCode(200).body("enabled", equalTo(true));
        given().auth().oauth2(TestInfra.token(Roles.CUSTOMER, tenant))
                .when().post("/v1/deliveries/" + deliveryId + "/replay")
                .then().statusCode(202);
        TestDeliveries.awaitStatus(tenant, confirmed.incidentId(), "delivered");
        assertEquals(2, receiver.received(staffPath).size(), "the staff were told once");
    }

    @Test
    void anEndpointThatWantsOnlyRecoveriesHearsNothingOfAConfirmation() {
        String tenant = TestIncidents.newTenant();
        String choosy = "/" + tenant + "-recoveries";
        String everything = "/" + tenant;
        given().auth().oauth2(TestInfra.token(Roles.CUSTOMER, tenant)).contentType("application/json")
                .body(Map.of("url", receiver.url(choosy), "kinds", List.of("incident.resolved")))
                .when().post("/v1/endpoints").then().statusCode(201);
        TestEndpoints.register(tenant, receiver.url(everything));
        UUID incident = UUID.randomUUID();

        TestIncidents.publish(TestIncidents.confirmed(tenant, incident));
        TestIncidents.publish(TestIncidents.resolved(tenant, incident, TestIncidents.confirmedDecision(true, null)));

        await().atMost(DEADLINE).until(() -> receiver.received(everything).size() == 2
                && receiver.received(choosy).size() == 1);
        assertTrue(receiver.received(choosy).get(0).body().contains("\"type\":\"incident.resolved\""));
    }

    @Test
    void deletingAnEndpointGivesUpItsPendingDeliveriesWithAFailedOutcome() {
        String tenant = TestIncidents.newTenant();
        TestEndpoints.Registered endpoint = TestEndpoints.register(tenant, receiver.url("/" + tenant));
        pool.preparedQuery("update endpoint set consecutive_failures = 5, paused_until = now() + interval '1 hour'"
                + " where id = $1").execute(Tuple.of(endpoint.id())).await().indefinitely();
        IncidentEvent confirmed = TestIncidents.confirmed(tenant, UUID.randomUUID());
        UUID deliveryId = EventIds.derived(confirmed.eventId(), "delivery", endpoint.id().toString());
        TestIncidents.publish(confirmed);
        TestDeliveries.awaitStatus(tenant, confirmed.incidentId(), "pending");
        assertEquals(1, TestDeliveries.queued(pool, deliveryId), "a pending delivery waits in the queue");

        given().auth().oauth2(TestInfra.token(Roles.SUPERVISOR, tenant))
                .when().delete("/v1/endpoints/" + endpoint.id())
                .then().statusCode(204);

        var failed = TestDeliveries.awaitStatus(tenant, confirmed.incidentId(), "failed");
        assertTrue(failed.getString("items[0].lastError").contains("endpoint was deleted"));
        assertEquals(0, TestDeliveries.queued(pool, deliveryId), "and leaves it as it fails");
        UUID outcome = EventIds.derived(deliveryId, EventTypes.NOTIFICATION_FAILED, "");
        Predicate<ConsumerRecord<String, String>> isOutcome =
                r -> outcome.toString().equals(TestInfra.header(r, CloudEventHeaders.ID));
        List<ConsumerRecord<String, String>> seen = TestInfra.consume(Topics.NOTIFICATIONS, DEADLINE,
                records -> records.stream().anyMatch(isOutcome));
        assertEquals(1, seen.stream().filter(isOutcome).count());
        assertEquals(List.of(), receiver.received("/" + tenant));
    }

    @Test
    void aTestSendIsSignedAndReportsTheReceiversAnswerEvenAnError() throws Exception {
        String tenant = TestIncidents.newTenant();
        String path = "/" + tenant;
        TestEndpoints.Registered endpoint = TestEndpoints.register(tenant, receiver.url(path));
        receiver.answer(path, 200, 503);

        String webhookId = given().auth().oauth2(TestInfra.token(Roles.CUSTOMER, tenant))
                .contentType("application/json").body("{\"note\": \"after the firewall change\"}")
                .when().post("/v1/endpoints/" + endpoint.id() + "/test")
                .then().statusCode(200)
                .body("delivered", equalTo(true))
                .body("statusCode", equalTo(200))
                .extract().path("webhookId");
        given().auth().oauth2(TestInfra.token(Roles.SUPERVISOR, tenant))
                .when().post("/v1/endpoints/" + endpoint.id() + "/test")
                .then().statusCode(200)
                .body("delivered", equalTo(false))
                .body("statusCode", equalTo(503))
                .body("error", equalTo("HTTP 503"));

        List<WebhookReceiver.Request> tests = receiver.received(path);
        assertEquals(2, tests.size());
        assertEquals(webhookId, tests.get(0).webhookId());
        assertTrue(tests.get(0).signedWith(endpoint.secret()));
        var body = Json.mapper().readTree(tests.get(0).body());
        assertEquals("endpoint.test", body.path("type").asText());
        assertEquals("after the firewall change", body.path("data").path("note").asText());
        assertEquals(0, TestDeliveries.of(tenant, UUID.randomUUID()).then().extract().jsonPath()
                .getList("items").size(), "a test is not a delivery");
    }

    @Test
    void aTestSendToAReceiverThatIsNotThereReportsWhyAndIsRefusedToOthers() {
        String tenant = TestIncidents.newTenant();
        TestEndpoints.Registered endpoint = TestEndpoints.register(tenant, "http://127.0.0.1:9/" + tenant);

        given().auth().oauth2(TestInfra.token(Roles.CUSTOMER, tenant))
                .when().post("/v1/endpoints/" + endpoint.id() + "/test")
                .then().statusCode(200)
                .body("delivered", equalTo(false))
                .body("statusCode", nullValue())
                .body("error", notNullValue());
        given().auth().oauth2(TestInfra.token(Roles.CUSTOMER, TestIncidents.newTenant()))
                .when().post("/v1/endpoints/" + endpoint.id() + "/test")
                .then().statusCode(404).contentType(Problem.MEDIA_TYPE);
        given().auth().oauth2(TestInfra.token(Roles.OPERATOR, tenant))
                .when().post("/v1/endpoints/" + endpoint.id() + "/test")
                .then().statusCode(403).contentType(Problem.MEDIA_TYPE);
        given().when().post("/v1/endpoints/" + endpoint.id() + "/test")
                .then().statusCode(401).contentType(Problem.MEDIA_TYPE);
        given().auth().oauth2(TestInfra.token(Roles.CUSTOMER, tenant))
                .when().post("/v1/endpoints/nope/test")
                .then().statusCode(400).body("errors[0].field", equalTo("id"));
        given().auth().oauth2(TestInfra.token(Roles.CUSTOMER, tenant)).contentType("application/json")
                .body("{\"note\": 5}")
                .when().post("/v1/endpoints/" + endpoint.id() + "/test")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE);
    }
}
