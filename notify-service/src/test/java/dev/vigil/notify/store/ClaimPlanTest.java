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
import io.vertx.mutiny.sqlclient.RowSet;
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

    @Test
    void finishingLooksQueueRowsUpByKeyWithAPlanMadeWhileTheQueueHeldAFewRows() {
        String plan = genericPlanOnceABurstIsQueued("finish_plan (uuid[], int[], text[], int[], text[])",
                DeliveryStore.FINISH, "finish_plan ('{}', '{}', '{}', '{}', '{}')");

        assertFalse(plan.contains("Seq Scan on delivery_queue"), "finishing reads the whole queue:\n" + plan);
    }

    @Test
    void aClaimFetchesThePickedRowsByTidScanWithAPlanMadeWhileTheQueueHeldAFewRows() {
        String plan = genericPlanOnceABurstIsQueued("claim_plan (int, float8, uuid[], int[], int, int)",
                DeliveryStore.claimDueStatement(4), "claim_plan (64, 60, '{}', '{}', 4, 5)");

        assertEquals(2, count(TID_SCANS.matcher(plan)), "the claim locks, then moves, its rows by ctid:\n" + plan);
        assertFalse(plan.contains("Seq Scan on delivery_queue"), "no claim reads the whole queue:\n" + plan);
    }

    /**
     * PostgreSQL switches a statement run often to a generic plan, made once. Here it is made while the queue holds
     * a few rows, as at the end of a drain, in a transaction set as the store sets its own; then a burst is queued,
     * as in the next drain, and the plan kept is explained.
     *
     * @param declared the prepared statement's name and parameter types
     * @param executed its name and arguments
     */
    private String genericPlanOnceABurstIsQueued(String declared, String statement, String executed) {
        String tenant = TestIncidents.newTenant();
        UUID endpoint = TestEndpoints.register(tenant, "https://127.0.0.1/hooks/" + tenant).id();
        SqlConnection connection = pool.getConnection().await().indefinitely();
        Transaction transaction = connection.begin().await().indefinitely();
        try {
            run(connection, "delete from delivery_queue");
            queue(connection, endpoint, 10);
            run(connection, "analyze delivery_queue");
            run(connection, "set local plan_cache_mode = force_generic_plan");
            run(connection, DeliveryStore.KEYED_LOOKUPS_ONLY);
            run(connection, "prepare " + declared + " as " + statement);
            run(connection, "explain execute " + executed); // the generic plan is made now, and kept
            queue(connection, endpoint, BURST);
            return lines(connection.query("explain execute " + executed).execute().await().indefinitely());
        } finally {
            transaction.rollback().await().indefinitely();
            run(connection, "deallocate " + declared.substring(0, declared.indexOf(' ')));
            connection.close().await().indefinitely();
        }
    }

    private static void run(SqlConnection connection, String sql) {
        connection.query(sql).execute().await().indefinitely();
    }

    private static void queue(SqlConnection connection, UUID endpoint, int rows) {
        connection.preparedQuery("""
                insert into delivery_queue (delivery_id, endpoint_id, incident_id, seq, next_attempt_at)
                select gen_random_uuid(), $1, gen_random_uuid(), n, now() - make_interval(secs => 1)
                from generate_series(1, $2) as n""")
                .execute(Tuple.of(endpoint, rows)).await().indefinitely();
    }

    @Test
    void aClaimFetchesThePickedRowsByTidScanAfterStatisticsTakenOnAnEmptyQueue() {
        String tenant = TestIncidents.newTenant();
        UUID endpoint = TestEndpoints.register(tenant, "https://127.0.0.1/hooks/" + tenant).id();
        SqlConnection connection = pool.getConnection().await().indefinitely();
        Transaction transaction = connection.begin().await().indefinitely();
        try {
            // rolled back with the rest: the statistics stay those of the queue without the burst
            run(connection, "delete from delivery_queue");
            run(connection, "analyze delivery_queue");
            queue(connection, endpoint, BURST);

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
        return lines(connection.preparedQuery("explain " + statement).execute(arguments).await().indefinitely());
    }

    /** An {@code explain}'s answer as text, a line per row. */
    private static String lines(RowSet<Row> rows) {
        StringBuilder plan = new StringBuilder();
        for (Row row : rows) {
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
