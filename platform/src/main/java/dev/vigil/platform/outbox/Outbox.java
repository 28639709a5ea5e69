package dev.vigil.platform.outbox;

import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Writes events into the outbox table inside the caller's transaction, in order, in one statement. */
@ApplicationScoped
@IfBuildProperty(name = "vigil.pipeline.enabled", stringValue = "true")
public class Outbox {

    public Uni<Void> append(SqlConnection connection, List<OutboxEntry> entries) {
        if (entries.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = entries.size();
        UUID[] ids = new UUID[n];
        String[] topics = new String[n];
        String[] keys = new String[n];
        String[] types = new String[n];
        String[] tenants = new String[n];
        String[] payloads = new String[n];
        for (int i = 0; i < n; i++) {
            OutboxEntry e = entries.get(i);
            ids[i] = e.eventId();
            topics[i] = e.topic();
            keys[i] = e.key();
            types[i] = e.type();
            tenants[i] = e.tenant();
            payloads[i] = e.payload();
        }
        // with ordinality keeps the caller's order in the bigserial ids, which the relay sends in
        return connection.preparedQuery("""
                insert into outbox (event_id, topic, record_key, event_type, tenant, payload)
                select e.event_id, e.topic, e.record_key, e.event_type, e.tenant, e.payload
                from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])
                     with ordinality as e(event_id, topic, record_key, event_type, tenant, payload, n)
                order by e.n
                on conflict (event_id) do nothing""")
                .execute(Tuple.tuple(List.of(ids, topics, keys, types, tenants, payloads)))
                .replaceWithVoid();
    }
}
