package dev.vigil.platform.inbox;

import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * Ids of events already applied. Claiming a batch of ids inside the transaction that applies them makes a
 * redelivered event a no-op, in one statement per batch.
 */
@ApplicationScoped
@IfBuildProperty(name = "vigil.pipeline.enabled", stringValue = "true")
public class Inbox {

    /** Records the ids and returns those not seen before; only these should be applied. */
    public Uni<Set<UUID>> claim(SqlConnection connection, Collection<UUID> eventIds) {
        if (eventIds.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return connection.preparedQuery(
                "insert into inbox (event_id) select unnest($1::uuid[]) on conflict do nothing returning event_id")
                .execute(Tuple.of(eventIds.toArray(UUID[]::new)))
                .map(rows -> {
                    Set<UUID> fresh = new HashSet<>();
                    for (Row row : rows) {
                        fresh.add(row.getUUID(0));
                    }
                    return fresh;
                });
    }
}
