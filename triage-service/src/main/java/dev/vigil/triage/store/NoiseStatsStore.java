package dev.vigil.triage.store;

import dev.vigil.triage.DismissReason;
import dev.vigil.triage.RuleSuggestion;
import dev.vigil.triage.SuppressionReason;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The noise report's tallies of what triage held, and the rules operators asked for, over a period. */
@ApplicationScoped
public class NoiseStatsStore {
    /** One alert's flapping: its held stretches and the alerts they held. */
    public record Flaps(String fingerprint, long stretches, long alerts) {
    }

    private final Pool pool;

    public NoiseStatsStore(Pool pool) {
        this.pool = pool;
    }

    /** Firing alerts held in the period, by reason. */
    public Uni<Map<SuppressionReason, Long>> heldByReason(String tenant, Instant since) {
        return pool.preparedQuery("select reason, sum(alerts) as alerts from suppressions"
                        + " where tenant = $1 and last_at >= $2 group by reason")
                .execute(Tuple.of(tenant, since.atOffset(ZoneOffset.UTC)))
                .map(rows -> {
                    Map<SuppressionReason, Long> held = new EnumMap<>(SuppressionReason.class);
                    for (Row row : rows) {
                        held.put(SuppressionReason.fromWire(row.getString("reason")).orElseThrow(),
                                row.getLong("alerts"));
                    }
                    return held;
                });
    }

    /** Firing alerts held in the period, for each of {@code fingerprints}. */
    public Uni<Map<String, Long>> heldOf(String tenant, Instant since, Collection<String> fingerprints) {
        return pool.preparedQuery("select fingerprint, sum(alerts) as alerts from suppressions"
                        + " where tenant = $1 and last_at >= $2 and fingerprint = any($3) group by fingerprint")
                .execute(Tuple.of(tenant, since.atOffset(ZoneOffset.UTC), fingerprints.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, Long> held = new HashMap<>();
                    rows.forEach(row -> held.put(row.getString("fingerprint"), row.getLong("alerts")));
                    return held;
                });
    }

    /** The alerts held as flapping in the period, the most often first. */
    public Uni<List<Flaps>> flaps(String tenant, Instant since, int most) {
        return pool.preparedQuery("select fingerprint, count(*) as stretches, sum(alerts) as alerts"
                        + " from suppressions where tenant = $1 and last_at >= $2 and reason = 'flapping'"
                        + " group by fingerprint order by stretches desc, alerts desc, fingerprint limit $3")
                .execute(Tuple.of(tenant, since.atOffset(ZoneOffset.UTC), most))
                .map(rows -> {
                    List<Flaps> flaps = new ArrayList<>();
                    rows.forEach(row -> flaps.add(new Flaps(row.getString("fingerprint"), row.getLong("stretches"),
                            row.getLong("alerts"))));
                    return flaps;
                });
    }

    /** What operators asked for when they dismissed an incident as noise in the period, newest first. */
    public Uni<List<RuleSuggestion>> requests(String tenant, Instant since) {
        return pool.preparedQuery("select incident_id, tenant, fingerprint, reason, note, suggested_by, suggested_at"
                        + " from rule_suggestion where tenant = $1 and suggested_at >= $2 order by suggested_at desc")
                .execute(Tuple.of(tenant, since.atOffset(ZoneOffset.UTC)))
                .map(rows -> {
                    List<RuleSuggestion> requests = new ArrayList<>();
                    rows.forEach(row -> requests.add(new RuleSuggestion(row.getUUID("incident_id"),
                            row.getString("tenant"), row.getString("fingerprint"),
                            DismissReason.fromWire(row.getString("reason")).orElse(DismissReason.OTHER),
                            row.getString("note"), row.getString("suggested_by"),
                            row.getOffsetDateTime("suggested_at").toInstant())));
                    return requests;
                });
    }
}
