package dev.vigil.triage.store;

import dev.vigil.triage.GroupRef;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;

/**
 * Serialises the batches that touch one group across triage replicas: alerts arrive keyed by fingerprint, so two
 * replicas may hold alerts of one group at once, and must not both open its incident. A transaction-scoped advisory
 * lock per group, taken in one order, so that two batches never wait on each other in a circle. See ADR 0011.
 */
@ApplicationScoped
public class GroupLocks {

    public Uni<Void> lock(SqlClient client, Collection<GroupRef> groups) {
        if (groups.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String[] keys = groups.stream().map(group -> group.tenant() + '\n' + group.groupKey()).distinct()
                .toArray(String[]::new);
        return client.preparedQuery("select pg_advisory_xact_lock(k) from (select distinct hashtextextended(g, 11) as k"
                        + " from unnest($1::text[]) as g order by k) as ordered")
                .execute(Tuple.of((Object) keys))
                .replaceWithVoid();
    }
}
