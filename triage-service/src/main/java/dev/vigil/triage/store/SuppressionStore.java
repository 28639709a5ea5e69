package dev.vigil.triage.store;

import dev.vigil.platform.paging.Keyset;
import dev.vigil.platform.paging.Page;
import dev.vigil.platform.paging.PageRequest;
import dev.vigil.platform.security.TenantScope;
import dev.vigil.platform.store.ScopedQuery;
import dev.vigil.triage.Suppression;
import dev.vigil.triage.SuppressionReason;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Suppressions in PostgreSQL: each suppressed stretch of an alert is one row counting the alerts it held. */
@ApplicationScoped
public class SuppressionStore {
    /** One stored stretch: a fingerprint held for one reason through one firing episode. */
    public record Stretch(long id, String tenant, String fingerprint, SuppressionReason reason, String ref,
            UUID incidentId, Instant episodeAt, Instant firstAt, Instant lastAt, long alerts) {
    }

    private record StretchKey(String tenant, String fingerprint, String reason, String ref, Instant episodeAt) {
    }

    private final Pool pool;

    public SuppressionStore(Pool pool) {
        this.pool = pool;
    }

    /**
     * A page of the scope's stretches, the most recently held first; {@code reason}, {@code fingerprint} and
     * {@code since} (held at or after) narrow it when present.
     */
    public Uni<Page<Stretch>> page(TenantScope scope, Optional<SuppressionReason> reason,
            Optional<String> fingerprint, Optional<Instant> since, PageRequest<Long> page) {
        ScopedQuery query = ScopedQuery.select("select id, tenant, fingerprint, reason, reason_ref, incident_id,"
                + " episode_at, first_at, last_at, alerts from suppressions", "tenant", scope);
        reason.ifPresent(wanted -> query.where("reason = ?", wanted.wireName()));
        fingerprint.ifPresent(wanted -> query.where("fingerprint = ?", wanted));
        since.ifPresent(from -> query.where("last_at >= ?", from.atOffset(ZoneOffset.UTC)));
        query.page("last_at", "id", page);
        return pool.preparedQuery(query.sql()).execute(query.arguments())
                .map(rows -> {
                    List<Stretch> stretches = new ArrayList<>(rows.size());
                    rows.forEach(row -> stretches.add(new Stretch(row.getLong("id"), row.getString("tenant"),
                            row.getString("fingerprint"),
                            SuppressionReason.fromWire(row.getString("reason")).orElseThrow(),
                            row.getString("reason_ref"), row.getUUID("incident_id"),
                            row.getOffsetDateTime("episode_at").toInstant(),
                            row.getOffsetDateTime("first_at").toInstant(),
                            row.getOffsetDateTime("last_at").toInstant(), row.getLong("alerts"))));
                    return Page.of(stretches, page, stretch -> new Keyset<>(stretch.lastAt(), stretch.id()));
                });
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
        Map<StretchKey, Tally> tallies = new LinkedHashMap<>();
        for (Suppression s : suppressions) {
            Tally tally = tallies.computeIfAbsent(new StretchKey(s.tenant(), s.fingerprint(), s.reason().wireName(),
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
        for (Map.Entry<StretchKey, Tally> entry : tallies.entrySet()) {
            StretchKey stretch = entry.getKey();
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
