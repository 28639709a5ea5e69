package dev.vigil.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.platform.outbox.OutboxRelay;
import dev.vigil.platform.outbox.Retention;
import dev.vigil.testsupport.VigilTestResources;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = VigilTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class RetentionTest {

    @Inject
    Pool pool;

    @Inject
    Retention retention;

    @Test
    void oldSentEventsAndOldInboxIdsArePurgedWhileRecentAndUnsentOnesStay() {
        UUID oldSent = UUID.randomUUID();
        UUID oldUnsent = UUID.randomUUID();
        UUID recentSent = UUID.randomUUID();
        UUID oldApplied = UUID.randomUUID();
        UUID recentApplied = UUID.randomUUID();
        // holding the relay's lock keeps the live relay from sending the unsent row before the purge
        SqlConnection relayLock = pool.getConnection().await().indefinitely();
        try {
            relayLock.preparedQuery("select pg_advisory_lock($1)").execute(Tuple.of(OutboxRelay.lockKey("triage")))
                    .await().indefinitely();
            insertOutbox(oldSent, "now() - interval '2 days'", "now() - interval '2 days'");
            insertOutbox(oldUnsent, "now() - interval '2 days'", "null");
            insertOutbox(recentSent, "now()", "now()");
            run("insert into inbox (event_id, applied_at) values ($1, now() - interval '8 days')", oldApplied);
            run("insert into inbox (event_id, applied_at) values ($1, now())", recentApplied);

            retention.purge().await().indefinitely();

            assertEquals(1, count("outbox", oldUnsent), "an unsent event is never purged");
            assertEquals(1, count("outbox", "sent_at is null", oldUnsent), "and it is still unsent: the purge saw it so");
        } finally {
            relayLock.close().await().indefinitely();
        }
        assertEquals(0, count("outbox", oldSent));
        assertEquals(1, count("outbox", recentSent));
        assertEquals(0, count("inbox", oldApplied));
        assertEquals(1, count("inbox", recentApplied));
    }

    private void insertOutbox(UUID id, String createdAt, String sentAt) {
        run("insert into outbox (event_id, topic, record_key, event_type, tenant, payload, created_at, sent_at)"
                + " values ($1, 'vigil.incidents', 'k', 't', 'acme', '{}', " + createdAt + ", " + sentAt + ")", id);
    }

    private void run(String sql, UUID id) {
        pool.preparedQuery(sql).execute(Tuple.of(id)).await().indefinitely();
    }

    private long count(String table, UUID id) {
        return count(table, "true", id);
    }

    private long count(String table, String condition, UUID id) {
        return pool.preparedQuery("select count(*) from " + table + " where " + condition + " and event_id = $1")
                .execute(Tuple.of(id))
                .await().indefinitely().iterator().next().getLong(0);
    }
}
