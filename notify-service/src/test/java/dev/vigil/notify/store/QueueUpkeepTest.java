package dev.vigil.notify.store;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.notify.NotifyTestResources;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Notify vacuums the sending queue itself once its dead rows reach the threshold, without waiting for autovacuum. */
@QuarkusTest
@WithTestResource(value = NotifyTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class QueueUpkeepTest {
    @Inject
    Pool pool;

    @Test
    void aQueueWithManyDeadRowsIsVacuumedWithinSeconds() {
        long vacuumsBefore = queueStats().getLong("vacuum_count");

        // a drained burst: 1,500 rows queued and finished, as many dead rows (the threshold is 1,000)
        UUID endpoint = UUID.randomUUID();
        pool.preparedQuery("""
                insert into delivery_queue (delivery_id, endpoint_id, incident_id, seq)
                select gen_random_uuid(), $1, gen_random_uuid(), n from generate_series(1, 1500) as n""")
                .execute(Tuple.of(endpoint)).await().indefinitely();
        pool.preparedQuery("delete from delivery_queue where endpoint_id = $1")
                .execute(Tuple.of(endpoint)).await().indefinitely();

        // vacuum_count counts only vacuums run by a client, never autovacuum's
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Row stats = queueStats();
            assertTrue(stats.getLong("vacuum_count") > vacuumsBefore, "notify has not vacuumed the queue");
            assertTrue(stats.getLong("n_dead_tup") < 1000, "dead rows left: " + stats.getLong("n_dead_tup"));
        });
    }

    private Row queueStats() {
        return pool.query("select vacuum_count, n_dead_tup from pg_stat_user_tables where relname = 'delivery_queue'")
                .execute().await().indefinitely().iterator().next();
    }
}
