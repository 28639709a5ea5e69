package dev.vigil.notify.messaging;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.contracts.CloudEventHeaders;
import dev.vigil.contracts.EventIds;
import dev.vigil.contracts.EventTypes;
import dev.vigil.contracts.IncidentEvent;
import dev.vigil.contracts.Json;
import dev.vigil.contracts.Keys;
import dev.vigil.contracts.Topics;
import dev.vigil.notify.NotifyTestResources;
import dev.vigil.notify.TestDeliveries;
import dev.vigil.notify.TestEndpoints;
import dev.vigil.notify.TestIncidents;
import dev.vigil.notify.WebhookReceiver;
import dev.vigil.testsupport.TestInfra;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = NotifyTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class IncidentNotificationTest {
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    private static final WebhookReceiver receiver = WebhookReceiver.shared();

    @Test
    void confirmedIncidentArrivesAsSignedWebhook() throws Exception {
        String tenant = TestIncidents.newTenant();
        String path = "/" + tenant;
        TestEndpoints.Registered endpoint = TestEndpoints.register(tenant, receiver.url(path));
        IncidentEvent confirmed = TestIncidents.confirmed(tenant, UUID.randomUUID());

        TestIncidents.publish(confirmed);

        WebhookReceiver.Request request = awaitRequests(path, 1).get(0);
        assertTrue(request.signedWith(endpoint.secret()), "signature verifies with the endpoint's secret");
        assertEquals(EventIds.derived(confirmed.eventId(), "delivery", endpoint.id().toString()).toString(),
                request.webhookId());
        assertEquals("application/json", request.header("content-type"));
        JsonNode body = Json.mapper().readTree(request.body());
        assertEquals("incident.confirmed", body.get("type").asText());
        assertEquals(confirmed.incidentId().toString(), body.at("/data/incidentId").asText());
        assertEquals("Service problem: web-01", body.at("/data/subject").asText());
        assertTrue(body.at("/data/message").asText().startsWith("We have confirmed a problem with web-01"),
                body.toString());
    }

    @Test
    void resolvedIncidentArrivesAsSignedWebhook() throws Exception {
        String tenant = TestIncidents.newTenant();
        String path = "/" + tenant;
        TestEndpoints.Registered endpoint = TestEndpoints.register(tenant, receiver.url(path));

        TestIncidents.publish(TestIncidents.resolved(tenant, UUID.randomUUID(),
                TestIncidents.confirmedDecision(true, null)));

        WebhookReceiver.Request request = awaitRequests(path, 1).get(0);
        assertTrue(request.signedWith(endpoint.secret()));
        JsonNode body = Json.mapper().readTree(request.body());
        assertEquals("incident.resolved", body.get("type").asText());
        assertEquals("Resolved: web-01 is working normally", body.at("/data/subject").asText());
    }

    @Test
    void redeliveredConfirmationSendsNothingMore() {
        String tenant = TestIncidents.newTenant();
        String path = "/" + tenant;
        TestEndpoints.register(tenant, receiver.url(path));
        UUID incident = UUID.randomUUID();
        IncidentEvent confirmed = TestIncidents.confirmed(tenant, incident);

        TestIncidents.publish(confirmed);
        awaitRequests(path, 1);
        // the copy comes in a later batch, once the first was committed: only the inbox can drop it
        TestIncidents.publish(confirmed);
        // same key, so it is consumed after the copy: once it arrives, the copy has been handled
        TestIncidents.publish(TestIncidents.resolved(tenant, incident, confirmed.decision()));

        awaitRequests(path, 2);
        assertEquals(List.of("incident.confirmed", "incident.resolved"),
                receiver.received(path).stream().map(r -> type(r.body())).toList());
        TestDeliveries.of(tenant, incident).then().body("items", hasSize(2));
    }

    @Test
    void failingReceiverGetsRetryWithSameWebhookIdAndBody() {
        String tenant = TestIncidents.newTenant();
        String path = "/" + tenant;
        TestEndpoints.Registered endpoint = TestEndpoints.register(tenant, receiver.url(path));
        receiver.answer(path, 500);
        UUID incident = UUID.randomUUID();

        TestIncidents.publish(TestIncidents.confirmed(tenant, incident));

        List<WebhookReceiver.Request> requests = awaitRequests(path, 2);
        assertEquals(requests.get(0).webhookId(), requests.get(1).webhookId());
        assertEquals(requests.get(0).body(), requests.get(1).body());
        assertTrue(requests.get(1).signedWith(endpoint.secret()));
        JsonPath delivery = TestDeliveries.awaitStatus(tenant, incident, "delivered");
        assertEquals(2, delivery.getInt("items[0].attempts"));
        assertEquals(200, delivery.getInt("items[0].lastStatusCode"));
    }

    @Test
    void recoveryIsNotDeliveredBeforeTheConfirmationThatIsStillBeingRetried() {
        String tenant = TestIncidents.newTenant();
        String path = "/" + tenant;
        TestEndpoints.register(tenant, receiver.url(path));
        receiver.answer(path, 500, 500);
        UUID incident = UUID.randomUUID();
        IncidentEvent confirmed = TestIncidents.confirmed(tenant, incident);

        TestIncidents.publish(confirmed);
        TestIncidents.publish(TestIncidents.resolved(tenant, incident, confirmed.decision()));

        await().atMost(DEADLINE).until(() -> receiver.received(path).stream()
                .anyMatch(r -> type(r.body()).equals("incident.resolved")));
        List<String> types = receiver.received(path).stream().map(r -> type(r.body())).toList();
        assertEquals(List.of("incident.confirmed", "incident.confirmed", "incident.confirmed", "incident.resolved"),
                types);
    }

    @Test
    void receiverThatKeepsFailingIsGivenUpAfterMaxAttemptsAndReportedFailed() {
        String tenant = TestIncidents.newTenant();
        String path = "/" + tenant;
        TestEndpoints.Registered endpoint = TestEndpoints.register(tenant, receiver.url(path));
        receiver.answer(path, 500, 503, 502);
        UUID incident = UUID.randomUUID();
        IncidentEvent confirmed = TestIncidents.confirmed(tenant, incident);

        TestIncidents.publish(confirmed);

        JsonPath delivery = TestDeliveries.awaitStatus(tenant, incident, "failed");
        assertEquals(3, delivery.getInt("items[0].attempts"), "max-attempts is 3 in the test profile");
        assertEquals(3, receiver.received(path).size());
        UUID deliveryId = EventIds.derived(confirmed.eventId(), "delivery", endpoint.id().toString());
        ConsumerRecord<String, String> outcome =
                awaitOutcome(EventIds.derived(deliveryId, EventTypes.NOTIFICATION_FAILED));
        assertEquals(EventTypes.NOTIFICATION_FAILED, TestInfra.header(outcome, CloudEventHeaders.TYPE));
    }

    @Test
    void deliveredWebhookPublishesNotificationOutcomeNamingTheCustomer() throws Exception {
        String tenant = TestIncidents.newTenant();
        TestEndpoints.Registered endpoint = TestEndpoints.register(tenant, receiver.url("/" + tenant));
        IncidentEvent confirmed = TestIncidents.confirmed(tenant, UUID.randomUUID());
        UUID deliveryId = EventIds.derived(confirmed.eventId(), "delivery", endpoint.id().toString());

        TestIncidents.publish(confirmed);

        ConsumerRecord<String, String> record =
                awaitOutcome(EventIds.derived(deliveryId, EventTypes.NOTIFICATION_DELIVERED));
        assertEquals(Keys.incident(tenant, confirmed.incidentId()), record.key());
        assertEquals(EventTypes.NOTIFICATION_DELIVERED, TestInfra.header(record, CloudEventHeaders.TYPE));
        assertEquals(tenant, TestInfra.header(record, CloudEventHeaders.TENANT));
        JsonNode outcome = Json.mapper().readTree(record.value());
        assertEquals("delivered", outcome.get("result").asText());
        assertEquals(deliveryId.toString(), outcome.get("deliveryId").asText());
        assertEquals(confirmed.eventId().toString(), outcome.get("causeEventId").asText());
        assertEquals(endpoint.id().toString(), outcome.get("endpointId").asText());
        assertEquals("customer", outcome.get("audience").asText(), "triage records this as first contact");
        assertEquals(1, outcome.get("attempts").asInt());
        assertEquals(200, outcome.get("statusCode").asInt());
    }

    @Test
    void poisonRecordsGoToDeadLetterQueueAndNextEventIsStillDelivered() {
        String tenant = TestIncidents.newTenant();
        String path = "/" + tenant;
        TestEndpoints.register(tenant, receiver.url(path));
        UUID incident = UUID.randomUUID();
        String key = Keys.incident(tenant, incident);
        String notJson = "this is not json " + UUID.randomUUID();
        String noId = Json.write(TestIncidents.confirmed(tenant, incident));

        TestInfra.produce(Topics.INCIDENTS, key, notJson, Map.of(CloudEventHeaders.ID, UUID.randomUUID().toString()));
        TestInfra.produce(Topics.INCIDENTS, key, noId, Map.of(CloudEventHeaders.TYPE, EventTypes.INCIDENT_CONFIRMED));
        TestIncidents.publish(TestIncidents.resolved(tenant, incident, TestIncidents.confirmedDecision(true, null)));

        awaitRequests(path, 1);
        Predicate<ConsumerRecord<String, String>> poison = r -> r.value().equals(notJson) || r.value().equals(noId);
        List<ConsumerRecord<String, String>> ours = TestInfra.consume(Topics.DLQ_NOTIFY, DEADLINE,
                records -> records.stream().filter(poison).count() == 2).stream().filter(poison).toList();
        assertEquals(2, ours.size(), "both poison records are parked");
        ours.forEach(r -> {
            assertEquals(key, r.key());
            assertNotNull(TestInfra.header(r, "dead-letter-reason"));
        });
        assertEquals(List.of("incident.resolved"), receiver.received(path).stream().map(r -> type(r.body())).toList());
    }

    private static List<WebhookReceiver.Request> awaitRequests(String path, int count) {
        return receiver.awaitReceived(path, count, DEADLINE);
    }

    private static ConsumerRecord<String, String> awaitOutcome(UUID outcomeId) {
        Predicate<ConsumerRecord<String, String>> wanted =
                r -> outcomeId.toString().equals(TestInfra.header(r, CloudEventHeaders.ID));
        return TestInfra.consume(Topics.NOTIFICATIONS, DEADLINE, seen -> seen.stream().anyMatch(wanted))
                .stream().filter(wanted).findFirst()
                .orElseThrow(() -> new AssertionError("no outcome " + outcomeId + " on " + Topics.NOTIFICATIONS));
    }

    private static String type(String body) {
        try {
            return Json.mapper().readTree(body).get("type").asText();
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }
}
