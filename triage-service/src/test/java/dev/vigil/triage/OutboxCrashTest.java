package dev.vigil.triage;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.contracts.Alert;
import dev.vigil.contracts.AlertStatus;
import dev.vigil.contracts.CloudEventHeaders;
import dev.vigil.contracts.EventTypes;
import dev.vigil.contracts.Topics;
import dev.vigil.platform.outbox.OutboxRelay;
import dev.vigil.testsupport.TestInfra;
import dev.vigil.testsupport.VigilTestResources;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The relay fails between publishing an event and marking it sent (as a crash there would leave it): the event is
 * published again, with the same {@code ce_id}, so consumers' inboxes drop the copies, and it is never lost.
 */
@QuarkusTest
@TestProfile(BreaksTheDatabase.class)
@WithTestResource(value = VigilTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class OutboxCrashTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Pool pool;

    @Inject
    OutboxRelay relay;

    @Test
    void anEventPublishedButNotMarkedSentIsPublishedAgainWithTheSameId() {
        run("""
                create function refuse_marking_sent() returns trigger language plpgsql as $$
                begin raise exception 'the relay crashed before marking the event sent'; end $$""");
        run("create trigger refuse_marking_sent before update of sent_at on outbox"
                + " for each row execute function refuse_marking_sent()");
        String tenant = TestAlerts.newTenant();
        Alert alert = TestAlerts.alert(tenant, "fp-1", AlertStatus.FIRING);
        try {
            TestAlerts.publish(alert);
            // each relay round publishes the event, then fails to mark it, so the next round publishes it again
            List<ConsumerRecord<String, String>> published = awaitOpenedEvents(tenant, 2);
            assertEquals(1, distinctIds(published).size(), "every copy carries the same ce_id");
            assertEquals(1L, relay.pending().await().indefinitely(), "still pending while it cannot be marked");
        } finally {
            run("drop trigger refuse_marking_sent on outbox");
            run("drop function refuse_marking_sent()");
        }
        await().atMost(WAIT).until(() -> relay.pending().await().indefinitely() == 0L);
        Set<String> ids = distinctIds(awaitOpenedEvents(tenant, 2));
        assertEquals(1, ids.size());
        assertTrue(TestInfra.consume(Topics.INCIDENTS, Duration.ofSeconds(3), seen -> false).stream()
                .filter(r -> tenant.equals(TestInfra.header(r, CloudEventHeaders.TENANT)))
                .allMatch(r -> ids.contains(TestInfra.header(r, CloudEventHeaders.ID))),
                "no other event was published for the incident");
    }

    private static List<ConsumerRecord<String, String>> awaitOpenedEvents(String tenant, int atLeast) {
        List<ConsumerRecord<String, String>> opened = TestInfra.consume(Topics.INCIDENTS, WAIT,
                seen -> openedOf(seen, tenant).size() >= atLeast);
        List<ConsumerRecord<String, String>> mine = openedOf(opened, tenant);
        assertTrue(mine.size() >= atLeast, "only " + mine.size() + " opened event(s) published");
        return mine;
    }

    private static List<ConsumerRecord<String, String>> openedOf(List<ConsumerRecord<String, String>> records,
            String tenant) {
        return records.stream().filter(r -> tenant.equals(TestInfra.header(r, CloudEventHeaders.TENANT)))
                .filter(r -> EventTypes.INCIDENT_OPENED.equals(TestInfra.header(r, CloudEventHeaders.TYPE)))
                .toList();
    }

    private static Set<String> distinctIds(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(r -> TestInfra.header(r, CloudEventHeaders.ID)).collect(Collectors.toSet());
    }

    private void run(String sql) {
        pool.query(sql).execute().await().indefinitely();
    }
}
