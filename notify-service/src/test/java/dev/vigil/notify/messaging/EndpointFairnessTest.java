package dev.vigil.notify.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * One tenant's slow or failing receiver must not delay another's: a per-endpoint cap on deliveries in flight, and a
 * circuit breaker that pauses an endpoint after failures in a row (5 here, paused 1 s at first). Deliveries that
 * wait past expire-after are given up, never dropped silently.
 */
@QuarkusTest
@WithTestResource(value = NotifyTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class EndpointFairnessTest {
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final int PER_ENDPOINT = 4;

    private static final WebhookReceiver receiver = WebhookReceiver.shared();

    @Inject
    Pool pool;

    @Test
    void aSlowReceiverHoldsNoMoreThanItsShareWhileAnotherTenantsMessagesGoStraightThrough() {
        String slowTenant = TestIncidents.newTenant();
        String slowPath = "/" + slowTenant;
        TestEndpoints.register(slowTenant, receiver.url(slowPath));
        receiver.delay(slowPath, Duration.ofMillis(800));
        String fastTenant = TestIncidents.newTenant();
        String fastPath = "/" + fastTenant;
        TestEndpoints.register(fastTenant, receiver.url(fastPath));

        int backlog = 24;
        for (int i = 0; i < backlog; i++) {
            TestIncidents.publish(TestIncidents.confirmed(slowTenant, UUID.randomUUID()));
        }
        await().atMost(DEADLINE).until(() -> receiver.received(slowPath).size() >= PER_ENDPOINT);
        Instant published = Instant.now();
        for (int i = 0; i < 5; i++) {
            TestIncidents.publish(TestIncidents.confirmed(fastTenant, UUID.randomUUID()));
        }

        await().atMost(DEADLINE).until(() -> receiver.received(fastPath).size() == 5);
        Duration slowest = Duration.between(published, receiver.received(fastPath).stream()
                .map(WebhookReceiver.Request::receivedAt).max(Instant::compareTo).orElseThrow());
        assertTrue(receiver.received(slowPath).size() < backlog, "the slow tenant's backlog was still being sent");
        assertTrue(slowest.compareTo(Duration.ofSeconds(3)) < 0, "the other tenant waited " + slowest);
        await().atMost(DEADLINE).until(() -> receiver.received(slowPath).size() == backlog);
        assertEquals(PER_ENDPOINT, receiver.mostInFlight(slowPath),
                "the slow receiver had its share of sending slots, and no more");
    }

    @Test
    void anEndpointFailingInARowIsPausedThenTriedWithOneDeliveryAndClosedByItsSuccess() {
        String tenant = TestIncidents.newTenant();
        String path = "/" + tenant;
        TestEndpoints.Registered endpoint = TestEndpoints.register(tenant, receiver.url(path));
        receiver.answer(path, 503, 503, 503, 503, 503);
        IncidentEvent first = TestIncidents.confirmed(tenant, UUID.randomUUID());
        TestIncidents.publish(first);
        TestDeliveries.awaitStatus(tenant, first.incidentId(), "failed"); // 3 failures: max-attempts here
        IncidentEvent second = TestIncidents.confirmed(tenant, UUID.randomUUID());

        TestIncidents.publish(second);

        JsonPath delivered = TestDeliveries.awaitStatus(tenant, second.incidentId(), "delivered");
        assertEquals(3, delivered.getInt("items[0].attempts"), "503, 503 (the fifth in a row), then 200");
        List<WebhookReceiver.Request> requests = receiver.received(path);
        assertEquals(6, requests.size());
        Duration paused = Duration.between(requests.get(4).receivedAt(), requests.get(5).receivedAt());
        assertTrue(paused.compareTo(Duration.ofMillis(950)) >= 0,
                "after the fifth failure in a row nothing was sent for the pause; the next came after " + paused);
        given().auth().oauth2(TestInfra.token(Roles.CUSTOMER, tenant))
                .when().get("/v1/endpoints/" + endpoint.id())
                .then().statusCode(200)
                .body("consecutiveFailures", equalTo(0))
                .body("pausedUntil", nullValue());
    }

    @Test
    void aPausedEndpointsDeliveryIsGivenUpWithAFailedOutcomeOnceItWaitedPastExpireAfter() {
        String tenant = TestIncidents.newTenant();
        String path = "/" + tenant;
        TestEndpoints.Registered endpoint = TestEndpoints.register(tenant, receiver.url(path));
        pool.preparedQuery("update endpoint set consecutive_failures = 5, paused_until = now() + interval '1 hour'"
                + " where id = $1").execute(Tuple.of(endpoint.id())).await().indefinitely();
        given().auth().oauth2(TestInfra.token(Roles.CUSTOMER, tenant))
                .when().get("/v1/endpoints/" + endpoint.id())
                .then().statusCode(200).body("consecutiveFailures", equalTo(5));
        IncidentEvent confirmed = TestIncidents.confirmed(tenant, UUID.randomUUID());
        TestIncidents.publish(confirmed);
        TestDeliveries.awaitStatus(tenant, confirmed.incidentId(), "pending");
        UUID deliveryId = EventIds.derived(confirmed.eventId(), "delivery", endpoint.id().toString());

        pool.preparedQuery("update delivery_queue set queued_at = now() - interval '25 hours'"
                + " where delivery_id = $1")
                .execute(Tuple.of(deliveryId)).await().indefinitely();

        JsonPath failed = TestDeliveries.awaitStatus(tenant, confirmed.incidentId(), "failed");
        assertEquals(0, failed.getInt("items[0].attempts"));
        assertTrue(failed.getString("items[0].lastError").contains("still pending after PT24H"),
                failed.getString("items[0].lastError"));
        assertEquals(List.of(), receiver.received(path), "a paused endpoint is sent nothing");
        UUID outcome = EventIds.derived(deliveryId, EventTypes.NOTIFICATION_FAILED, "");
        Predicate<ConsumerRecord<String, String>> isOutcome =
                r -> outcome.toString().equals(TestInfra.header(r, CloudEventHeaders.ID));
        ConsumerRecord<String, String> published = TestInfra.consume(Topics.NOTIFICATIONS, DEADLINE,
                seen -> seen.stream().anyMatch(isOutcome)).stream().filter(isOutcome).findFirst().orElseThrow();
        assertEquals(EventTypes.NOTIFICATION_FAILED, TestInfra.header(published, CloudEventHeaders.TYPE));
    }
}
