package dev.vigil.ingest.store;

import dev.vigil.ingest.heartbeat.Heartbeat;
import dev.vigil.ingest.heartbeat.HeartbeatSchedule;
import dev.vigil.platform.paging.Keyset;
import dev.vigil.platform.paging.Page;
import dev.vigil.platform.paging.PageRequest;
import dev.vigil.platform.security.TenantScope;
import dev.vigil.platform.store.ScopedQuery;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/** Heartbeats in PostgreSQL. Changes run inside a caller's transaction, on rows it locked first. */
@ApplicationScoped
public class HeartbeatStore {
    private static final String SELECT = "select id, tenant_id, name, interval_seconds, grace_seconds, created_at,"
            + " last_ping_at, due_at, missed_due_at from heartbeats";

    private final Pool pool;

    public HeartbeatStore(Pool pool) {
        this.pool = pool;
    }

    public <T> Uni<T> inTransaction(Function<SqlConnection, Uni<T>> work) {
        return pool.withTransaction(work);
    }

    /**
     * The heartbeat of {@code fresh}'s tenant and name, locked until the transaction ends; {@code fresh} is stored
     * first if there is none. A concurrent first ping of the same name waits on the insert, then finds this one.
     */
    public Uni<Heartbeat> lock(SqlConnection connection, Heartbeat fresh) {
        return connection.preparedQuery("""
                        insert into heartbeats (id, tenant_id, name, interval_seconds, grace_seconds, created_at)
                        values ($1, $2, $3, $4, $5, $6) on conflict (tenant_id, name) do nothing""")
                .execute(Tuple.of(fresh.id(), fresh.tenant(), fresh.name(), fresh.schedule().interval().toSeconds(),
                        fresh.schedule().grace().toSeconds(), time(fresh.createdAt())))
                .chain(() -> connection.preparedQuery(SELECT + " where tenant_id = $1 and name = $2 for update")
                        .execute(Tuple.of(fresh.tenant(), fresh.name())))
                .map(rows -> toHeartbeat(rows.iterator().next()));
    }

    /** Writes what a ping or a change decided about a heartbeat this transaction locked. */
    public Uni<Void> save(SqlConnection connection, Heartbeat heartbeat) {
        return connection.preparedQuery("""
                        update heartbeats set interval_seconds = $2, grace_seconds = $3, last_ping_at = $4, due_at = $5,
                        missed_due_at = $6 where id = $1""")
                .execute(Tuple.tuple().addValue(heartbeat.id())
                        .addValue(heartbeat.schedule().interval().toSeconds())
                        .addValue(heartbeat.schedule().grace().toSeconds())
                        .addValue(time(heartbeat.lastPingAt()))
                        .addValue(time(heartbeat.dueAt()))
                        .addValue(time(heartbeat.missedDueAt())))
                .replaceWithVoid();
    }

    /**
     * Up to {@code limit} heartbeats due by {@code now} and not yet missed, locked until the transaction ends. Rows
     * another transaction holds (a concurrent evaluator, a ping) are skipped, not waited for: whoever holds them
     * decides them, and a row still due after that is claimed by the next round.
     */
    public Uni<List<Heartbeat>> claimDue(SqlConnection connection, Instant now, int limit) {
        return connection.preparedQuery(SELECT + " where missed_due_at is null and due_at <= $1"
                        + " order by due_at limit $2 for update skip locked")
                .execute(Tuple.of(time(now), limit))
                .map(HeartbeatStore::toHeartbeats);
    }

    /** Records the misses of heartbeats this transaction claimed. */
    public Uni<Void> markMissed(SqlConnection connection, List<Heartbeat> missed) {
        List<Tuple> rows = missed.stream().map(h -> Tuple.of(h.id(), time(h.missedDueAt()))).toList();
        return connection.preparedQuery("update heartbeats set missed_due_at = $2 where id = $1").executeBatch(rows)
                .replaceWithVoid();
    }

    /** The heartbeat, if it exists and its tenant is in {@code scope}. */
    public Uni<Optional<Heartbeat>> find(TenantScope scope, String tenant, String name) {
        ScopedQuery query = ScopedQuery.select(SELECT, "tenant_id", scope).where("tenant_id = ?", tenant)
                .where("name = ?", name);
        return pool.preparedQuery(query.sql()).execute(query.arguments())
                .map(rows -> toHeartbeats(rows).stream().findFirst());
    }

    /** A page of the heartbeats in {@code scope}, newest first. */
    public Uni<Page<Heartbeat>> list(TenantScope scope, PageRequest<UUID> page) {
        ScopedQuery query = ScopedQuery.select(SELECT, "tenant_id", scope).page("created_at", "id", page);
        return pool.preparedQuery(query.sql()).execute(query.arguments()).map(rows -> Page.of(toHeartbeats(rows),
                page, heartbeat -> new Keyset<>(heartbeat.createdAt(), heartbeat.id())));
    }

    private static List<Heartbeat> toHeartbeats(RowSet<Row> rows) {
        List<Heartbeat> heartbeats = new ArrayList<>(rows.size());
        rows.forEach(row -> heartbeats.add(toHeartbeat(row)));
        return heartbeats;
    }

    private static Heartbeat toHeartbeat(Row row) {
        return new Heartbeat(row.getUUID("id"), row.getString("tenant_id"), row.getString("name"),
                new HeartbeatSchedule(Duration.ofSeconds(row.getLong("interval_seconds")),
                        Duration.ofSeconds(row.getLong("grace_seconds"))),
                instant(row, "created_at"), instant(row, "last_ping_at"), instant(row, "due_at"),
                instant(row, "missed_due_at"));
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
