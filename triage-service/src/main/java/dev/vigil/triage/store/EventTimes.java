package dev.vigil.triage.store;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Each tenant's event time as this process knows it: the latest observed time among the tenant's alert states.
 * It is read from the database the first time a tenant is seen, then moved on in memory by every committed batch,
 * so the batch path neither scans for it nor writes it (each repeat would otherwise change an indexed column and
 * rewrite every index of its state row; docs/adr/0013-triage-throughput.md). With several replicas each knows
 * the event time of the alerts it applies, as a Kafka Streams task knows its stream time.
 */
@ApplicationScoped
public class EventTimes {
    private final Map<String, Instant> known = new ConcurrentHashMap<>();
    private final AlertStateStore states;

    public EventTimes(AlertStateStore states) {
        this.states = states;
    }

    /** Per tenant that has alerts, its event time so far. */
    public Uni<Map<String, Instant>> of(SqlClient client, Set<String> tenants) {
        Set<String> unknown = tenants.stream().filter(tenant -> !known.containsKey(tenant))
                .collect(Collectors.toSet());
        Uni<Void> loaded = unknown.isEmpty() ? Uni.createFrom().voidItem()
                : states.watermarks(client, unknown).invoke(this::advance).replaceWithVoid();
        return loaded.map(nothing -> {
            Map<String, Instant> times = new HashMap<>();
            tenants.forEach(tenant -> {
                Instant time = known.get(tenant);
                if (time != null) {
                    times.put(tenant, time);
                }
            });
            return times;
        });
    }

    /** Per tenant, the latest time among the items: the event time they reach. */
    public static <T> Map<String, Instant> latest(Collection<T> items, Function<T, String> tenantOf,
            Function<T, Instant> timeOf) {
        Map<String, Instant> latest = new HashMap<>();
        items.forEach(item -> latest.merge(tenantOf.apply(item), timeOf.apply(item), EventTimes::later));
        return latest;
    }

    /** After a commit: the latest observed times the committed states reached, per tenant. */
    public void advance(Map<String, Instant> reached) {
        reached.forEach((tenant, time) -> known.merge(tenant, time, EventTimes::later));
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
