package dev.vigil.triage.store;

import dev.vigil.triage.Suppression;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Suppressions in PostgreSQL: each suppressed stretch of an alert is one row counting the alerts it held. */
@ApplicationScoped
public class SuppressionStore {
    private record Stretch(String tenant, String fingerprint, String reason, String ref, Instant episodeAt) {
    }

    private static final class Tally {
        Instant first;
        Instant last;
        long alerts;
        UUID incident;
    }

    public Uni<Void> add(SqlClient client, List<Suppression> suppressions) {
        if (suppressions.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        // one row per stretch in the statement: an upsert may not touch a row twice
        Map<Stretch, Tally> tallies = new LinkedHashMap<>();
        for (Suppression s : suppressions) {
            Tally tally = tallies.computeIfAbsent(new Stretch(s.tenant(), s.fingerprint(), s.reason().wireName(),
                    s.ref(), s.episodeAt()), key -> new Tally());
            tally.first = tally.first == null || s.at().isBefore(tally.first) ? s.at() : tally.first;
            tally.last = tally.last == null || s.at().isAfter(tally.last) ? s.at() : tally.last;
            tally.alerts++;
            tally.incident = s.incidentId() == null ? tally.incident : s.incidentId();
        }
        int n = tallies.size();
        String[] tenants = new String[n];
        String[] fingerprints = new String[n];
        String[] reasons = new String[n];
        String[] refs = new String[n];
        OffsetDateTime[] episodes = new OffsetDateTime[n];
        OffsetDateTime[] firsts = new OffsetDateTime[n];
        OffsetDateTime[] lasts = new OffsetDateTime[n];
        Long[] alerts = new Long[n];
        UUID[] incidents = new UUID[n];
        int i = 0;
        for (Map.Entry<Stretch, Tally> entry : tallies.entrySet()) {
            Stretch stretch = entry.getKey();
            Tally tally = entry.getValue();
            tenants[i] = stretch.tenant();
            fingerprints[i] = stretch.fingerprint();
            reasons[i] = stretch.reason();
            refs[i] = stretch.ref();
            episodes[i] = stretch.episodeAt().atOffset(ZoneOffset.UTC);
            firsts[i] = tally.first.atOffset(ZoneOffset.UTC);
            lasts[i] = tally.last.atOffset(ZoneOffset.UTC);
            alerts[i] = tally.alerts;
            incidents[i] = tally.incident;
            i++;
        }
        return client.preparedQuery("""
                insert into suppressions (tenant, fingerprint, reason, reason_ref, episode_at, first_at, last_at,
                                          alerts, incident_id)
                select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[],
                                     $6::timestamptz[], $7::timestamptz[], $8::bigint[], $9::uuid[])
                on conflict (tenant, fingerprint, reason, reason_ref, episode_at) do update set
                    first_at = least(suppressions.first_at, excluded.first_at),
                    last_at = greatest(suppressions.last_at, excluded.last_at),
                    alerts = suppressions.alerts + excluded.alerts,
                    incident_id = coalesce(excluded.incident_id, suppressions.incident_id)""")
                .execute(Tuple.tuple(List.of(tenants, fingerprints, reasons, refs, episodes, firsts, lasts, alerts,
                        incidents)))
                .replaceWithVoid();
    }
}
