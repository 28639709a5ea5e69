package dev.vigil.notify.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.contracts.IncidentEvent;
import dev.vigil.notify.NotifyTestResources;
import dev.vigil.notify.TestEndpoints;
import dev.vigil.notify.TestIncidents;
import dev.vigil.notify.WebhookReceiver;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A freed sending slot claims only when something it could take may be due, so each case that leaves due deliveries
 * behind a claim must wake the next one itself. The poll, the safety net that would otherwise find them within a
 * second, is set to an hour here: a delivery still waiting on it would miss these deadlines by far.
 */
@QuarkusTest
@TestProfile(DispatchWakesTest.NoPoll.class)
@WithTestResource(value = NotifyTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class DispatchWakesTest {
    private static final Duration DEADLINE = Duration.ofSeconds(20);
    private static final int SLOTS = 4;
    private static final int PER_ENDPOINT = 2;

    private static final WebhookReceiver receiver = WebhookReceiver.shared();

    public static class NoPoll implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("vigil.notify.delivery.poll-interval", "1h",
                    "vigil.notify.delivery.concurrency", String.valueOf(SLOTS),
                    "vigil.notify.delivery.per-endpoint-concurrency", String.valueOf(PER_ENDPOINT));
        }
    }

    @Test
    void anIncidentsLaterDeliveryGoesAsSoonAsTheEarlierOneEnds() {
        String tenant = TestIncidents.newTenant();
        String path = "/" + tenant;
        TestEndpoints.register(tenant, receiver.url(path));
        receiver.delay(path, Duration.ofMillis(500)); // the recovery is queued while the failure is being sent
        UUID incident = UUID.randomUUID();
        IncidentEvent confirmed = TestIncidents.confirmed(tenant, incident);

        TestIncidents.publish(confirmed);
        TestIncidents.publish(TestIncidents.resolved(tenant, incident, confirmed.decision()));

        List<WebhookReceiver.Request> received = receiver.awaitReceived(path, 2, DEADLINE);
        assertEquals(List.of("incident.confirmed", "incident.resolved"),
                received.stream().map(request -> request.json().path("type").asText()).toList());
    }

    @Test
    void anEndpointsDeliveriesBeyondItsShareGoAsItsSlotsFree() {
        String tenant = TestIncidents.newTenant();
        String path = "/" + tenant;
        TestEndpoints.register(tenant, receiver.url(path));
        receiver.delay(path, Duration.ofMillis(200));
        int backlog = 3 * PER_ENDPOINT + 1;

        for (int i = 0; i < backlog; i++) {
            TestIncidents.publish(TestIncidents.confirmed(tenant, UUID.randomUUID()));
        }

        receiver.awaitReceived(path, backlog, DEADLINE);
        assertEquals(PER_ENDPOINT, receiver.mostInFlight(path), "the endpoint had its share in flight, no more");
    }

    @Test
    void deliveriesBeyondEverySendingSlotGoAsSlotsFree() {
        List<String> tenants = new ArrayList<>();
        for (int t = 0; t < 2 * SLOTS; t++) {
            String tenant = TestIncidents.newTenant();
            TestEndpoints.register(tenant, receiver.url("/" + tenant));
            // the first to be claimed hold their slots until every event is planned
            receiver.delay("/" + tenant, Duration.ofSeconds(2));
            tenants.add(tenant);
        }

        // one each, so no endpoint reaches its share: only the slots run out
        tenants.forEach(tenant -> TestIncidents.publish(TestIncidents.confirmed(tenant, UUID.randomUUID())));

        tenants.forEach(tenant -> assertEquals(1, receiver.awaitReceived("/" + tenant, 1, DEADLINE).size()));
    }
}
