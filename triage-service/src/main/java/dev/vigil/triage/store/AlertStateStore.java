package dev.vigil.triage.store;

import dev.vigil.contracts.Json;
import dev.vigil.contracts.Severity;
import dev.vigil.platform.paging.Keyset;
import dev.vigil.platform.paging.Page;
import dev.vigil.platform.paging.PageRequest;
import dev.vigil.platform.security.TenantScope;
import dev.vigil.platform.store.ScopedQuery;
import dev.vigil.triage.AlertHistory;
import dev.vigil.triage.AlertKey;
import dev.vigil.triage.AlertState;
import dev.vigil.triage.SuppressionReason;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The alerts' states in PostgreSQL: the batch path reads and writes them a batch at a time, one statement each. */
@ApplicationScoped
public class AlertStateStore {
    static final String COLUMNS = "tenant, fingerprint, source, resource, check_name, severity, summary,"
            + " labels::text as labels, firing, reason, reason_ref, incident_id, group_key, episode_started_at,"
            + " episode_received_at, episode_occurrences, occurrences, last_observed_at, last_received_at,"
            + " history, flapping, inhibits, stale_at, recheck_at";

    private final Pool pool;

    public AlertStateStore(Pool pool) {
        this.pool = pool;
    }

    public Uni<Map<AlertKey, AlertState>> find(SqlClient client, Collection<AlertKey> keys) {
        if (keys.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return client.preparedQuery("select " + COLUMNS + " from alert_states join unnest($1::text[], $2::text[])"
                        + " as k(tenant, fingerprint) using (tenant, fingerprint)")
                .execute(Tuple.of(keys.stream().map(AlertKey::tenant).toArray(String[]::new),
                        keys.stream().map(AlertKey::fingerprint).toArray(String[]::new)))
                .map(rows -> {
                    Map<AlertKey, AlertState> states = new HashMap<>();
                    rows.forEach(row -> {
                        AlertState state = toState(row);
                        states.put(state.key(), state);
                    });
                    return states;
                });
    }

    /**
     * A page of the scope's alerts, the most recently observed first; {@code incident} (the alerts in it or held by
     * it), {@code fingerprint} and {@code reason} narrow it when present.
     */
    public Uni<Page<AlertState>> page(TenantScope scope, Optional<UUID> incident, Optional<String> fingerprint,
            Optional<SuppressionReason> reason, PageRequest<String> page) {
        ScopedQuery query = ScopedQuery.select("select " + COLUMNS + " from alert_states", "tenant", scope);
        incident.ifPresent(id -> query.where("incident_id = ?", id));
        fingerprint.ifPresent(wanted -> query.where("fingerprint = ?", wanted));
        reason.ifPresent(wanted -> query.where("reason = ?", wanted.wireName()));
        query.page("last_observed_at", "fingerprint", page);
        return pool.preparedQuery(query.sql()).execute(query.arguments())
                .map(rows -> Page.of(toStates(rows), page, state -> new Keyset<>(state.lastObservedAt(),
                        state.fingerprint())));
    }

    /** Up to {@code limit} alerts the wall clock must look at again by {@code now}, earliest first; not locked. */
    public Uni<List<AlertState>> dueForRecheck(SqlClient client, Instant now, int limit) {
        return client.preparedQuery("select " + COLUMNS + " from alert_states where recheck_at <= $1"
                        + " order by recheck_at limit $2")
                .execute(Tuple.of(now.atOffset(ZoneOffset.UTC), limit))
                .map(AlertStateStore::toStates);
    }

    /** Per tenant, its firing alerts that may inhibit others. */
    public Uni<Map<String, List<AlertState>>> inhibitors(SqlClient client, Set<String> tenants) {
        if (tenants.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return client.preparedQuery("select " + COLUMNS + " from alert_states where tenant = any($1) and inhibits"
                        + " and firing")
                .execute(Tuple.of(tenants.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, List<AlertState>> byTenant = new HashMap<>();
                    rows.forEach(row -> {
                        AlertState state = toState(row);
                        byTenant.computeIfAbsent(state.tenant(), tenant -> new ArrayList<>()).add(state);
                    });
                    return byTenant;
                });
    }

    /** Per tenant that has alerts, the latest observed time among them: the tenant's event time so far. */
    public Uni<Map<String, Instant>> watermarks(SqlClient client, Set<String> tenants) {
        if (tenants.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return client.preparedQuery("select t.tenant, (select max(last_observed_at) from alert_states a"
                        + " where a.tenant = t.tenant) as watermark from unnest($1::text[]) as t(tenant)")
                .execute(Tuple.of(tenants.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, Instant> watermarks = new HashMap<>();
                    rows.forEach(row -> {
                        Instant watermark = Rows.instant(row, "watermark");
                        if (watermark != null) {
                            watermarks.put(row.getString("tenant"), watermark);
                        }
                    });
                    return watermarks;
                });
    }

    /** Per incident, how many of its alerts fire. */
    public Uni<Map<UUID, Integer>> firingMembers(SqlClient client, Collection<UUID> incidents) {
        if (incidents.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return client.preparedQuery("select incident_id, count(*) as n from alert_states where incident_id = any($1)"
                        + " and reason is null and firing group by incident_id")
                .execute(Tuple.of(incidents.toArray(UUID[]::new)))
                .map(rows -> {
                    Map<UUID, Integer> counts = new HashMap<>();
                    rows.forEach(row -> counts.put(row.getUUID("incident_id"), row.getLong("n").intValue()));
                    return counts;
                });
    }

    public Uni<Void> save(SqlClient client, List<AlertState> states) {
        if (states.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = states.size();
        String[] tenants = new String[n];
        String[] fingerprints = new String[n];
        String[] sources = new String[n];
        String[] resources = new String[n];
        String[] checks = new String[n];
        String[] severities = new String[n];
        String[] summaries = new String[n];
        String[] labels = new String[n];
        Boolean[] firing = new Boolean[n];
        String[] reasons = new String[n];
        String[] refs = new String[n];
        UUID[] incidents = new UUID[n];
        String[] groups = new String[n];
        OffsetDateTime[] episodeStarted = new OffsetDateTime[n];
        OffsetDateTime[] episodeReceived = new OffsetDateTime[n];
        Long[] episodeOccurrences = new Long[n];
        Long[] occurrences = new Long[n];
        OffsetDateTime[] lastObserved = new OffsetDateTime[n];
        OffsetDateTime[] lastReceived = new OffsetDateTime[n];
        Buffer[] histories = new Buffer[n];
        Boolean[] flapping = new Boolean[n];
        Boolean[] inhibits = new Boolean[n];
        OffsetDateTime[] stale = new OffsetDateTime[n];
        OffsetDateTime[] recheck = new OffsetDateTime[n];
        for (int i = 0; i < n; i++) {
            AlertState s = states.get(i);
            tenants[i] = s.tenant();
            fingerprints[i] = s.fingerprint();
            sources[i] = s.source();
            resources[i] = s.resource();
            checks[i] = s.check();
            severities[i] = s.severity().wireName();
            summaries[i] = s.summary();
            labels[i] = Json.write(s.labels());
            firing[i] = s.firing();
            reasons[i] = s.reason() == null ? null : s.reason().wireName();
            refs[i] = s.reasonRef();
            incidents[i] = s.incidentId();
            groups[i] = s.groupKey();
            episodeStarted[i] = Rows.offset(s.episodeStartedAt());
            episodeReceived[i] = Rows.offset(s.episodeReceivedAt());
            episodeOccurrences[i] = s.episodeOccurrences();
            occurrences[i] = s.occurrences();
            lastObserved[i] = Rows.offset(s.lastObservedAt());
            lastReceived[i] = Rows.offset(s.lastReceivedAt());
            histories[i] = history(s.history());
            flapping[i] = s.flapping();
            inhibits[i] = s.inhibits();
            stale[i] = Rows.offset(s.staleAt());
            recheck[i] = Rows.offset(s.recheckAt());
        }
        return client.preparedQuery("""
                insert into alert_states (tenant, fingerprint, source, resource, check_name, severity, summary, labels,
                    firing, reason, reason_ref, incident_id, group_key, episode_started_at, episode_received_at,
                    episode_occurrences, occurrences, last_observed_at, last_received_at, history, flapping, inhibits,
                    stale_at, recheck_at)
                select u.tenant, u.fingerprint, u.source, u.resource, u.check_name, u.severity, u.summary,
                       u.labels::jsonb, u.firing, u.reason, u.reason_ref, u.incident_id, u.group_key,
                       u.episode_started_at, u.episode_received_at, u.episode_occurrences, u.occurrences,
                       u.last_observed_at, u.last_received_at, u.history, u.flapping, u.inhibits, u.stale_at,
                       u.recheck_at
                from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                            $8::text[], $9::boolean[], $10::text[], $11::text[], $12::uuid[], $13::text[],
                            $14::timestamptz[], $15::timestamptz[], $16::bigint[], $17::bigint[], $18::timestamptz[],
                            $19::timestamptz[], $20::bytea[], $21::boolean[], $22::boolean[], $23::timestamptz[],
                            $24::timestamptz[])
                     as u(tenant, fingerprint, source, resource, check_name, severity, summary, labels, firing, reason,
                          reason_ref, incident_id, group_key, episode_started_at, episode_received_at,
                          episode_occurrences, occurrences, last_observed_at, last_received_at, history, flapping,
                          inhibits, stale_at, recheck_at)
                on conflict (tenant, fingerprint) do update set
                    source = excluded.source, resource = excluded.resource, check_name = excluded.check_name,
                    severity = excluded.severity, summary = excluded.summary, labels = excluded.labels,
                    firing = excluded.firing, reason = excluded.reason, reason_ref = excluded.reason_ref,
                    incident_id = excluded.incident_id, group_key = excluded.group_key,
                    episode_started_at = excluded.episode_started_at,
                    episode_received_at = excluded.episode_received_at,
                    episode_occurrences = excluded.episode_occurrences, occurrences = excluded.occurrences,
                    last_observed_at = excluded.last_observed_at, last_received_at = excluded.last_received_at,
                    history = excluded.history, flapping = excluded.flapping, inhibits = excluded.inhibits,
                    stale_at = excluded.stale_at, recheck_at = excluded.recheck_at""")
                .execute(Tuple.tuple(List.of(tenants, fingerprints, sources, resources, checks, severities, summaries,
                        labels, firing, reasons, refs, incidents, groups, episodeStarted, episodeReceived,
                        episodeOccurrences, occurrences, lastObserved, lastReceived, histories, flapping, inhibits,
                        stale, recheck)))
                .replaceWithVoid();
    }

    static List<AlertState> toStates(RowSet<Row> rows) {
        List<AlertState> states = new ArrayList<>(rows.size());
        rows.forEach(row -> states.add(toState(row)));
        return states;
    }

    static AlertState toState(Row row) {
        return new AlertState(row.getString("tenant"), row.getString("fingerprint"), row.getString("source"),
                row.getString("resource"), row.getString("check_name"),
                Severity.fromWire(row.getString("severity")).orElseThrow(), row.getString("summary"),
                Rows.labels(row.getString("labels")), row.getBoolean("firing"),
                row.getString("reason") == null ? null : SuppressionReason.fromWire(row.getString("reason")).orElseThrow(),
                row.getString("reason_ref"), row.getUUID("incident_id"), row.getString("group_key"),
                Rows.instant(row, "episode_started_at"), Rows.instant(row, "episode_received_at"),
                row.getLong("episode_occurrences"), row.getLong("occurrences"), Rows.instant(row, "last_observed_at"),
                Rows.instant(row, "last_received_at"), history(row.getBuffer("history").getDelegate()),
                row.getBoolean("flapping"), row.getBoolean("inhibits"), Rows.instant(row, "stale_at"), Rows.instant(row, "recheck_at"));
    }

    /**
     * As one big-endian 8-byte word per result, oldest first: epoch millis shifted left once, the low bit set when
     * firing. Every alert rewrites it, and as JSON it took three quarters of the row.
     */
    static Buffer history(AlertHistory history) {
        Buffer bytes = Buffer.buffer(history.results().size() * Long.BYTES);
        history.results().forEach(result -> bytes.appendLong(result.at().toEpochMilli() << 1
                | (result.firing() ? 1 : 0)));
        return bytes;
    }

    static AlertHistory history(Buffer bytes) {
        List<AlertHistory.Result> results = new ArrayList<>(bytes.length() / Long.BYTES);
        for (int at = 0; at + Long.BYTES <= bytes.length(); at += Long.BYTES) {
            long word = bytes.getLong(at);
            results.add(new AlertHistory.Result(Instant.ofEpochMilli(word >> 1), (word & 1) == 1));
        }
        return new AlertHistory(results);
    }
}
