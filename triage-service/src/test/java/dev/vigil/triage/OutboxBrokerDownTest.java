package dev.vigil.triage;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.vigil.contracts.Alert;
import dev.vigil.contracts.AlertStatus;
import dev.vigil.platform.outbox.OutboxRelay;
import dev.vigil.testsupport.TestInfra;
import dev.vigil.testsupport.VigilTestResources;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The incident is committed with its event in the outbox even when the event cannot be published, and the
 * event stays pending (not marked sent, not lost) for as long as the broker does not acknowledge it.
 */
@QuarkusTest
@TestProfile(OutboxBrokerDownTest.UnreachableOutboxBroker.class)
@WithTestResource(value = VigilTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class OutboxBrokerDownTest {

    public static class UnreachableOutboxBroker implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // only the outbox channel points nowhere; alerts still arrive from the test broker
            return Map.of("mp.messaging.outgoing.outbox.bootstrap.servers", "127.0.0.1:1",
                    "mp.messaging.outgoing.outbox.max.block.ms", "500",
                    "mp.messaging.outgoing.outbox.request.timeout.ms", "500",
                    "mp.messaging.outgoing.outbox.delivery.timeout.ms", "1000");
        }
    }

    @Inject
    OutboxRelay relay;

    @Test
    void anEventTheBrokerCannotTakeStaysPendingWhileTheIncidentIsCommitted() {
        String tenant = TestAlerts.newTenant();
        Alert alert = TestAlerts.alert(tenant, "fp-1", AlertStatus.FIRING);
        TestAlerts.publish(alert);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given()
                .auth().oauth2(TestInfra.token("operator", tenant)).get("/v1/incidents")
                .then().statusCode(200).body("items", hasSize(1)).body("items[0].occurrences", equalTo(1)));
        // several relay rounds (woken at commit, then every second) fail against the unreachable broker
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                .until(() -> relay.pending().await().indefinitely(), pending -> pending == 1L);
    }
}
