package dev.vigil.ingest.store;

import dev.vigil.ingest.IngestKey;
import dev.vigil.ingest.IngestKeys;
import dev.vigil.platform.paging.Keyset;
import dev.vigil.platform.paging.Page;
import dev.vigil.platform.paging.PageRequest;
import dev.vigil.platform.security.TenantScope;
import dev.vigil.platform.store.ScopedQuery;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class IngestKeyStore {
    private final Pool pool;

    public IngestKeyStore(Pool pool) {
        this.pool = pool;
    }

    /** Stores the hash of a new key; the caller keeps the plain key to show once. */
    public Uni<Instant> create(UUID id, String tenant, String plainKey, String name) {
        return pool.preparedQuery("""
                insert into ingest_keys (id, tenant_id, key_hash, prefix, name) values ($1, $2, $3, $4, $5)
                returning created_at""")
                .execute(Tuple.of(id, tenant, IngestKeys.hash(plainKey), IngestKeys.displayPrefix(plainKey), name))
                .map(rows -> rows.iterator().next().getOffsetDateTime("created_at").toInstant());
    }

    /** A page of the tenant's keys, revoked ones included, newest first. */
    public Uni<Page<IngestKey>> list(String tenant, PageRequest<UUID> page) {
        ScopedQuery query = ScopedQuery.select(
                "select id, tenant_id, name, prefix, created_at, revoked_at from ingest_keys", "tenant_id",
                TenantScope.of(tenant)).page("created_at", "id", page);
        return pool.preparedQuery(query.sql()).execute(query.arguments())
                .map(rows -> {
                    List<IngestKey> keys = new ArrayList<>();
                    rows.forEach(row -> keys.add(toKey(row)));
                    return Page.of(keys, page, key -> new Keyset<>(key.createdAt(), key.id()));
                });
    }

    /** Revokes a live key of the tenant; returns its hash, or empty when the tenant has no such live key. */
    public Uni<Optional<String>> revoke(String tenant, UUID id) {
        return pool.preparedQuery("""
                update ingest_keys set revoked_at = now()
                where tenant_id = $1 and id = $2 and revoked_at is null returning key_hash""")
                .execute(Tuple.of(tenant, id))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getString(0)));
    }

    /** Every usable key, as key hash to tenant. */
    public Uni<Map<String, String>> activeKeys() {
        return pool.query("select key_hash, tenant_id from ingest_keys where revoked_at is null").execute()
                .map(rows -> {
                    Map<String, String> keys = new HashMap<>(rows.size() * 2);
                    rows.forEach(row -> keys.put(row.getString("key_hash"), row.getString("tenant_id")));
                    return keys;
                });
    }

    private static IngestKey toKey(Row row) {
        OffsetDateTime revoked = row.getOffsetDateTime("revoked_at");
        return new IngestKey(row.getUUID("id"), row.getString("tenant_id"), row.getString("name"),
                row.getString("prefix"), row.getOffsetDateTime("created_at").toInstant(),
                revoked == null ? null : revoked.toInstant());
    }
}
