package dev.vigil.notify.messaging;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.contracts.CloudEventHeaders;
import dev.vigil.contracts.EventIds;
import dev.vigil.contracts.EventTypes;
import dev.vigil.contracts.IncidentEvent;
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
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What follows a receiver's answer, and sending a failed delivery again by hand (max-attempts is 3 here). */
@QuarkusTest
@WithTestResource(value = NotifyTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class DeliveryRetriesTest {
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    private static final WebhookReceiver receiver = WebhookReceiver.shared();

    @Inject
    Pool pool;

    @Test
    void aRefusedRequestFailsAtOnceWhileATimeoutOrTooManyRequestsIsRetried() {
        String refusing = TestIncidents.newTenant();
        TestEndpoints.register(refusing, receiver.url("/" + refusing));
        receiver.answer("/" + refusing, 404);
        String busy = TestIncidents.newTenant();
        TestEndpoints.register(busy, receiver.url("/" + busy));
        receiver.answer("/" + busy, 408, 429);
        UUID refused = UUID.randomUUID();
        UUID retried = UUID.randomUUID();

        TestIncidents.publish(TestIncidents.confirmed(refusing, refused));
        TestIncidents.publish(TestIncidents.confirmed(busy, retried));

        JsonPath failed = TestDeliveries.awaitStatus(refusing, refused, "failed");
        assertEquals(1, failed.getInt("items[0].attempts"), "a 404 is not tried again");
        assertEquals(404, failed.getInt("items[0].lastStatusCode"));
        JsonPath delivered = TestDeliveries.awaitStatus(busy, retried, "delivered");
        assertEquals(3, delivered.getInt("items[0].attempts"), "408, then 429, then 200");
        assertEquals(0, TestDeliveries.queued(pool, UUID.fromString(failed.getString("items[0].id"))));
        assertEquals(0, TestDeliveries.queued(pool, UUID.fromString(delivered.getString("items[0].id"))));
    }


    @Test
    void aFailedDeliveryReplayedArrivesAgainUnderItsWebhookIdWithANewOutcome() {
        String tenant = TestIncidents.newTenant();
        String path = "/" + tenant;
        TestEndpoints.Registered endpoint = TestEndpoints.register(tenant, receiver.url(path));
        receiver.answer(path, 500, 500, 500);
        IncidentEvent confirmed = TestIncidents.confirmed(tenant, UUID.randomUUID());
        UUID deliveryId = EventIds.derived(confirmed.eventId(), "delivery", endpoint.id().toString());
        TestIncidents.publish(confirmed);
        TestDeliveries.awaitStatus(tenant, confirmed.incidentId(), "failed");
        assertEquals(0, TestDeliveries.queued(pool, deliveryId), "a failed delivery has left the queue");

        given().auth().oauth2(TestInfra.token(Roles.CUSTOMER, tenant)).contentType("application/json")
                .body("{\"note\": \"  certificate renewed, OPS-1234 \"}")
                .when().post("/v1/deliveries/" + deliveryId + "/replay")
                .then().statusCode(202)
                .body("id", equalTo(deliveryId.toString()))
                .body("status", equalTo("pending"))
                .body("attempts", equalTo(0))
                .body("replays", equalTo(1))
                .body("replayNote", equalTo("certificate renewed, OPS-1234"))
                .body("replayedBy", notNullValue());

        JsonPath delivered = TestDeliveries.awaitStatus(tenant, confirmed.incidentId(), "delivered");
        assertEquals(1, delivered.getInt("items[0].attempts"), "a fresh budget of attempts");
        assertEquals(0, TestDeliveries.queued(pool, deliveryId), "a delivery that ended has left the queue");
        List<WebhookReceiver.Request> requests = receiver.received(path);
        assertEquals(4, requests.size());
        assertEquals(1, requests.stream().map(WebhookReceiver.Request::webhookId).distinct().count(),
                "every attempt, before and after the replay, under one webhook-id");
        assertEquals(1, requests.stream().map(WebhookReceiver.Request::body).distinct().count());
        UUID replayedOutcome = EventIds.derived(deliveryId, EventTypes.NOTIFICATION_DELIVERED, "replay-1");
        assertEquals(EventTypes.NOTIFICATION_DELIVERED, TestInfra.header(TestInfra.consume(Topics.NOTIFICATIONS,
                DEADLINE, seen -> seen.stream().anyMatch(r -> replayedOutcome.toString()
                        .equals(TestInfra.header(r, CloudEventHeaders.ID)))).stream()
                .filter(r -> replayedOutcome.toString().equals(TestInfra.header(r, CloudEventHeaders.ID)))
                .findFirst().orElseThrow(), CloudEventHeaders.TYPE));

        given().auth().oauth2(TestInfra.token(Roles.OPERATOR, tenant))
                .when().post("/v1/deliveries/" + deliveryId + "/replay")
                .then().statusCode(409).contentType(Problem.MEDIA_TYPE)
                .body("detail", containsString("has not failed"));
    }

    @Test
    void aReplayIsRefusedForAnotherTenantsDeliveryAnUnknownOneABadIdOrBodyAndWithoutAToken() {
        String tenant = TestIncidents.newTenant();
        String path = "/" + tenant;
        TestEndpoints.Registered endpoint = TestEndpoints.register(tenant, receiver.url(path));
        receiver.answer(path, 410);
        IncidentEvent confirmed = TestIncidents.confirmed(tenant, UUID.randomUUID());
        UUID deliveryId = EventIds.derived(confirmed.eventId(), "delivery", endpoint.id().toString());
        TestIncidents.publish(confirmed);
        TestDeliveries.awaitStatus(tenant, confirmed.incidentId(), "failed");
        String other = TestIncidents.newTenant();

        given().auth().oauth2(TestInfra.token(Roles.CUSTOMER, other))
                .when().post("/v1/deliveries/" + deliveryId + "/replay")
                .then().statusCode(404).contentType(Problem.MEDIA_TYPE);
        given().auth().oauth2(TestInfra.token(Roles.OPERATOR, other))
                .when().post("/v1/deliveries/" + deliveryId + "/replay")
                .then().statusCode(404);
        given().auth().oauth2(TestInfra.token(Roles.CUSTOMER, tenant))
                .when().post("/v1/deliveries/" + UUID.randomUUID() + "/replay")
                .then().statusCode(404).contentType(Problem.MEDIA_TYPE);
        given().auth().oauth2(TestInfra.token(Roles.CUSTOMER, tenant))
                .when().post("/v1/deliveries/not-a-uuid/replay")
                .then().statusCode(400).body("errors[0].field", equalTo("id"));
        given().when().post("/v1/deliveries/" + deliveryId + "/replay")
                .then().statusCode(401).contentType(Problem.MEDIA_TYPE);
        given().auth().oauth2(TestInfra.token(Roles.CUSTOMER, tenant)).contentType("application/json")
                .body("{\"note\": \"" + "x".repeat(2001) + "\"}")
                .when().post("/v1/deliveries/" + deliveryId + "/replay")
                .then().statusCode(400).body("errors[0].field", equalTo("note"));
        given().auth().oauth2(TestInfra.token(Roles.CUSTOMER, tenant)).contentType("application/json")
                .body("{\"note\": ")
                .when().post("/v1/deliveries/" + deliveryId + "/replay")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE);
        assertEquals("failed", TestDeliveries.of(tenant, confirmed.incidentId()).then().extract()
                .path("items[0].status"), "refused replays change nothing");
        assertEquals(1, receiver.received(path).size());
    }
}
