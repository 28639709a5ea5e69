package dev.vigil.notify.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.vigil.notify.NotifyTestResources;
import dev.vigil.notify.TestEndpoints;
import dev.vigil.notify.TestIncidents;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The claim's plan where it once went wrong: statistics taken while the queue was empty, then a burst queued. Looked
 * up by key, the rows picked were joined to a scan of the whole queue; by ctid they are fetched directly.
 */
@QuarkusTest
@WithTestResource(value = NotifyTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ClaimPlanTest {
    private static final int BURST = 20_000;
    private static final Pattern TID_SCANS = Pattern.compile("Tid Scan on delivery_queue");

    @Inject
    Pool pool;

    /**
     * PostgreSQL switches a statement run often to a generic plan, made once: here it is made while the queue holds a
     * few rows, as at the end of a drain, and used once a burst is queued, as in the next.
     */
    @Test
    void finishingLooksQueueRowsUpByKeyWithAPlanMadeWhileTheQueueHeldAFewRows() {
        String tenant = TestIncidents.newTenant();
        UUID endpoint = TestEndpoints.register(tenant, "https://127.0.0.1/hooks/" + tenant).id();
        SqlConnection connection = pool.getConnection().await().indefinitely();
        Transaction transaction = connection.begin().await().indefinitely();
        try {
            connection.query("delete from delivery_queue").execute().await().indefinitely();
            queue(connection, endpoint, 10);
            connection.query("analyze delivery_queue").execute().await().indefinitely();
            connection.query("set local plan_cache_mode = force_generic_plan").execute().await().indefinitely();
            connection.query(DeliveryStore.KEYED_LOOKUPS_ONLY).execute().await().indefinitely();
            connection.query("prepare finish_plan (uuid[], int[], text[], int[], text[]) as "
                    + DeliveryStore.FINISH).execute().await().indefinitely();
            explainFinish(connection); // the generic plan is made now, and kept
            queue(connection, endpoint, BURST);

            String plan = explainFinish(connection);

            assertFalse(plan.contains("Seq Scan on delivery_queue"), "finishing reads the whole queue:\n" + plan);
        } finally {
            transaction.rollback().await().indefinitely();
            connection.query("deallocate finish_plan").execute().await().indefinitely();
            connection.close().await().indefinitely();
        }
    }

    @Test
    void aClaimFetchesThePickedRowsByTidScanWithAPlanMadeWhileTheQueueHeldAFewRows() {
        String tenant = TestIncidents.newTenant();
        UUID endpoint = TestEndpoints.register(tenant, "https://127.0.0.1/hooks/" + tenant).id();
        SqlConnection connection = pool.getConnection().await().indefinitely();
        Transaction transaction = connection.begin().await().indefinitely();
        try {
            connection.query("delete from delivery_queue").execute().await().indefinitely();
            queue(connection, endpoint, 10);
            connection.query("analyze delivery_queue").execute().await().indefinitely();
            connection.query("set local plan_cache_mode = force_generic_plan").execute().await().indefinitely();
            connection.query(DeliveryStore.KEYED_LOOKUPS_ONLY).execute().await().indefinitely();
            connection.query("prepare claim_plan (int, float8, uuid[], int[], int, int) as "
                    + DeliveryStore.claimDueStatement(4)).execute().await().indefinitely();
            explainClaim(connection);
            queue(connection, endpoint, BURST);

            String plan = explainClaim(connection);

            assertEquals(2, count(TID_SCANS.matcher(plan)), "the claim locks, then moves, its rows by ctid:\n" + plan);
            assertFalse(plan.contains("Seq Scan on delivery_queue"), "no claim reads the whole queue:\n" + plan);
        } finally {
            transaction.rollback().await().indefinitely();
            connection.query("deallocate claim_plan").execute().await().indefinitely();
            connection.close().await().indefinitely();
        }
    }

    private static String explainClaim(SqlConnection connection) {
        StringBuilder plan = new StringBuilder();
        connection.query("explain execute claim_plan (64, 60, '{}', '{}', 4, 5)").execute().await()
                .indefinitely().forEach(row -> plan.append(row.getString(0)).append('\n'));
        return plan.toString();
    }

    private static void queue(SqlConnection connection, UUID endpoint, int rows) {
        connection.preparedQuery("""
                insert into delivery_queue (delivery_id, endpoint_id, incident_id, seq, next_attempt_at)
                select gen_random_uuid(), $1, gen_random_uuid(), n, now() - make_interval(secs => 1)
                from generate_series(1, $2) as n""")
                .execute(Tuple.of(endpoint, rows)).await().indefinitely();
    }

    private static String explainFinish(SqlConnection connection) {
        StringBuilder plan = new StringBuilder();
        connection.query("explain execute finish_plan ('{}', '{}', '{}', '{}', '{}')").execute().await()
                .indefinitely().forEach(row -> plan.append(row.getString(0)).append('\n'));
        return plan.toString();
    }

    @Test
    void aClaimFetchesThePickedRowsByTidScanAfterStatisticsTakenOnAnEmptyQueue() {
        String tenant = TestIncidents.newTenant();
        UUID endpoint = TestEndpoints.register(tenant, "https://127.0.0.1/hooks/" + tenant).id();
        SqlConnection connection = pool.getConnection().await().indefinitely();
        Transaction transaction = connection.begin().await().indefinitely();
        try {
            // rolled back with the rest: the statistics stay those of the queue without the burst
            connection.query("delete from delivery_queue").execute().await().indefinitely();
            connection.query("analyze delivery_queue").execute().await().indefinitely();
            connection.preparedQuery("""
                    insert into delivery_queue (delivery_id, endpoint_id, incident_id, seq, next_attempt_at)
                    select gen_random_uuid(), $1, gen_random_uuid(), n, now() - make_interval(secs => 1)
                    from generate_series(1, $2) as n""")
                    .execute(Tuple.of(endpoint, BURST)).await().indefinitely();

            String plan = explain(connection, DeliveryStore.claimDueStatement(4),
                    Tuple.from(List.of(64, 60.0, new UUID[0], new Integer[0], 4, 5)));

            assertEquals(2, count(TID_SCANS.matcher(plan)), "the claim locks, then moves, its rows by ctid:\n" + plan);
            assertFalse(plan.contains("Seq Scan on delivery_queue"), "no claim reads the whole queue:\n" + plan);
        } finally {
            transaction.rollback().await().indefinitely();
            connection.close().await().indefinitely();
        }
    }

    private static String explain(SqlConnection connection, String statement, Tuple arguments) {
        StringBuilder plan = new StringBuilder();
        for (Row row : connection.preparedQuery("explain " + statement).execute(arguments).await().indefinitely()) {
            plan.append(row.getString(0)).append('\n');
        }
        return plan.toString();
    }

    private static int count(Matcher matcher) {
        int found = 0;
        while (matcher.find()) {
            found++;
        }
        return found;
    }
}
