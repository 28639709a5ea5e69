package dev.vigil.triage;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.contracts.Alert;
import dev.vigil.contracts.AlertStatus;
import dev.vigil.contracts.CloudEventHeaders;
import dev.vigil.contracts.EventTypes;
import dev.vigil.contracts.Json;
import dev.vigil.contracts.Keys;
import dev.vigil.contracts.Topics;
import dev.vigil.platform.messaging.BatchProcessor;
import dev.vigil.testsupport.TestInfra;
import dev.vigil.testsupport.VigilTestResources;
import dev.vigil.triage.messaging.AlertsConsumer;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * One tenant's alert that the database cannot store (U+0000 in its text) costs exactly that alert: it is parked
 * with the database's reason, and every other alert of its batch, of any tenant, is applied.
 */
@QuarkusTest
@WithTestResource(value = VigilTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class PoisonIsolationTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int BYSTANDERS = 100;

    @Inject
    BatchProcessor processor;

    @Inject
    AlertsConsumer consumer;

    @Test
    void aBatchWithOneUnstorableAlertParksThatAlertAloneAndAppliesTheRest() {
        String guilty = TestAlerts.newTenant();
        String bystander = TestAlerts.newTenant();
        List<ConsumerRecord<String, String>> batch = new ArrayList<>();
        for (int i = 0; i < BYSTANDERS; i++) {
            if (i == 37) {
                batch.add(record(unstorable(guilty), i));
            }
            batch.add(record(TestAlerts.alert(bystander, "fp-" + (i % 10), AlertStatus.FIRING), i + 1000));
        }

        processor.process(batch, consumer).await().atMost(WAIT);

        assertEquals(BYSTANDERS, occurrences(bystander));
        assertEquals(0, occurrences(guilty));
        List<ConsumerRecord<String, String>> parked = parkedOf(guilty, 1);
        assertEquals(1, parked.size(), "exactly the unstorable alert is parked");
        String reason = TestInfra.header(parked.get(0), "dead-letter-reason");
        assertTrue(reason.contains("SQLSTATE 22"), reason);
        assertEquals(Topics.ALERTS, TestInfra.header(parked.get(0), "dead-letter-topic"));
        assertEquals("37", TestInfra.header(parked.get(0), "dead-letter-offset"));
        assertTrue(parkedOf(bystander, 0).isEmpty(), "no bystander is parked");
    }

    @Test
    void anUnstorableAlertInTheStreamParksOnlyItself() {
        String guilty = TestAlerts.newTenant();
        String bystander = TestAlerts.newTenant();
        for (int i = 0; i < BYSTANDERS; i++) {
            if (i == 50) {
                TestAlerts.publish(unstorable(guilty));
            }
            TestAlerts.publish(TestAlerts.alert(bystander, "fp-" + (i % 10), AlertStatus.FIRING));
        }

        await().atMost(WAIT).untilAsserted(() -> assertEquals(BYSTANDERS, occurrences(bystander)));
        assertEquals(1, parkedOf(guilty, 1).size());
        assertEquals(BYSTANDERS, occurrences(bystander), "nothing more is applied after a quiet moment");
        assertTrue(parkedOf(bystander, 0).isEmpty(), "no bystander is parked");
    }

    private static Alert unstorable(String tenant) {
        Alert fine = TestAlerts.alert(tenant, "fp-nul", AlertStatus.FIRING);
        return new Alert(fine.eventId(), tenant, fine.fingerprint(), fine.source(), fine.resource(), fine.check(),
                fine.severity(), fine.status(), "disk \u0000 full", fine.labels(), fine.annotations(),
                fine.observedAt(), fine.receivedAt());
    }

    private static ConsumerRecord<String, String> record(Alert alert, long offset) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>(Topics.ALERTS, 0, offset,
                Keys.alert(alert.tenant(), alert.fingerprint()), Json.write(alert));
        record.headers().add(CloudEventHeaders.ID, alert.eventId().toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add(CloudEventHeaders.SPEC_VERSION, "1.0".getBytes(StandardCharsets.UTF_8));
        record.headers().add(CloudEventHeaders.TYPE, EventTypes.ALERT.getBytes(StandardCharsets.UTF_8));
        record.headers().add(CloudEventHeaders.TENANT, alert.tenant().getBytes(StandardCharsets.UTF_8));
        return record;
    }

    /** The tenant's parked records once {@code expected} are there, read again after a quiet moment. */
    private static List<ConsumerRecord<String, String>> parkedOf(String tenant, int expected) {
        TestInfra.consume(Topics.DLQ_TRIAGE, WAIT, records -> records.stream()
                .filter(r -> tenant.equals(TestInfra.header(r, CloudEventHeaders.TENANT))).count() >= expected);
        return TestInfra.consume(Topics.DLQ_TRIAGE, Duration.ofSeconds(3), records -> false).stream()
                .filter(r -> tenant.equals(TestInfra.header(r, CloudEventHeaders.TENANT))).toList();
    }

    private static int occurrences(String tenant) {
        List<Integer> counts = given().auth().oauth2(TestInfra.token("operator", tenant)).get("/v1/incidents")
                .then().statusCode(200).extract().jsonPath().getList("items.occurrences", Integer.class);
        return counts.stream().mapToInt(Integer::intValue).sum();
    }
}
