package dev.vigil.ingest.store;

import dev.vigil.ingest.IngestKeys;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
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

    /** Every usable key, as key hash to tenant. */
    public Uni<Map<String, String>> activeKeys() {
        return pool.query("select key_hash, tenant_id from ingest_keys where revoked_at is null").execute()
                .map(rows -> {
                    Map<String, String> keys = new HashMap<>(rows.size() * 2);
                    rows.forEach(row -> keys.put(row.getString("key_hash"), row.getString("tenant_id")));
                    return keys;
                });
    }
}
