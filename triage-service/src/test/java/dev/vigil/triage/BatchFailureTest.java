package dev.vigil.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.contracts.Alert;
import dev.vigil.contracts.AlertStatus;
import dev.vigil.contracts.CloudEventHeaders;
import dev.vigil.contracts.Keys;
import dev.vigil.contracts.Topics;
import dev.vigil.testsupport.TestInfra;
import dev.vigil.testsupport.VigilTestResources;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * A batch the database keeps refusing is retried, then parked on the DLQ by the channel's failure strategy:
 * the partition moves on and the alert is not lost.
 */
@QuarkusTest
@TestProfile(BatchFailureTest.OwnApplication.class)
@WithTestResource(value = VigilTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class BatchFailureTest {

    /** A restart of its own: the test breaks the schema, which no other test should share. */
    public static class OwnApplication implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.application.name", "triage");
        }
    }

    @Inject
    Pool pool;

    @Test
    void aBatchTheDatabaseKeepsRefusingIsParkedOnTheDeadLetterTopic() {
        pool.query("alter table inbox rename to inbox_unavailable").execute().await().indefinitely();
        try {
            String tenant = TestAlerts.newTenant();
            Alert alert = TestAlerts.alert(tenant, "fp-1", AlertStatus.FIRING);
            TestAlerts.publish(alert);

            List<ConsumerRecord<String, String>> parked = TestInfra.consume(Topics.DLQ_TRIAGE, Duration.ofSeconds(60),
                    seen -> seen.stream().anyMatch(r -> r.value().contains(alert.eventId().toString())));
            ConsumerRecord<String, String> record = parked.stream()
                    .filter(r -> r.value().contains(alert.eventId().toString())).findFirst()
                    .orElseThrow(() -> new AssertionError("the refused batch was not dead-lettered"));
            assertEquals(Keys.alert(tenant, "fp-1"), record.key());
            assertEquals(alert.eventId().toString(), TestInfra.header(record, CloudEventHeaders.ID));
        } finally {
            pool.query("alter table inbox_unavailable rename to inbox").execute().await().indefinitely();
        }
    }
}
