package dev.vigil.runbook.store;

import dev.vigil.contracts.IncidentEvent;
import dev.vigil.contracts.NotificationOutcome;
import dev.vigil.platform.security.TenantScope;
import dev.vigil.platform.store.FirstContacts;
import dev.vigil.platform.store.ScopedQuery;
import dev.vigil.runbook.IncidentFacts;
import dev.vigil.runbook.RecoveryStats;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
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
import java.util.TreeSet;
import java.util.UUID;

/**
 * The times of each incident's life that the recovery metrics measure, kept from the incident events and notify's
 * delivery outcomes in the transaction that claims them, and the metrics read from them.
 */
@ApplicationScoped
public class IncidentTimesStore {
    private static final String DURATION_STATS = """
            count(%1$s - opened_at) as %2$s_count,
            percentile_cont(0.5) within group (order by extract(epoch from %1$s - opened_at)) as %2$s_median,
            percentile_cont(0.9) within group (order by extract(epoch from %1$s - opened_at)) as %2$s_p90""";

    private final Pool pool;

    public IncidentTimesStore(Pool pool) {
        this.pool = pool;
    }

    /**
     * Keeps what the events say: the first acknowledgement and confirmation stay, a later resolution replaces an
     * earlier one (an incident that fired again resolved later), and the latest event's facts (resource, check,
     * severity, summary) replace the earlier ones.
     */
    public Uni<Void> record(SqlConnection connection, Collection<IncidentEvent> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = events.size();
        String[] tenants = new String[n];
        UUID[] ids = new UUID[n];
        OffsetDateTime[] opened = new OffsetDateTime[n];
        OffsetDateTime[] acknowledged = new OffsetDateTime[n];
        OffsetDateTime[] confirmed = new OffsetDateTime[n];
        OffsetDateTime[] resolved = new OffsetDateTime[n];
        String[] resources = new String[n];
        String[] checks = new String[n];
        String[] severities = new String[n];
        String[] summaries = new String[n];
        int i = 0;
        for (IncidentEvent event : events) {
            tenants[i] = event.tenant();
            ids[i] = event.incidentId();
            opened[i] = utc(event.openedAt());
            acknowledged[i] = utc(event.decision().acknowledgedAt());
            confirmed[i] = utc(event.decision().confirmedAt());
            resolved[i] = utc(event.resolvedAt());
            resources[i] = event.resource();
            checks[i] = event.check();
            severities[i] = event.severity() == null ? null : event.severity().wireName();
            summaries[i] = event.summary();
            i++;
        }
        // one row per incident per statement: events of one incident in a batch are folded in their order first
        return connection.preparedQuery("""
                insert into incident_times (tenant, incident_id, opened_at, acknowledged_at, confirmed_at, resolved_at,
                                            resource, check_name, severity, summary)
                select tenant, incident_id, min(opened_at), min(acknowledged_at), min(confirmed_at),
                       (array_agg(resolved_at order by n desc))[1], (array_agg(resource order by n desc))[1],
                       (array_agg(check_name order by n desc))[1], (array_agg(severity order by n desc))[1],
                       (array_agg(summary order by n desc))[1]
                from unnest($1::text[], $2::uuid[], $3::timestamptz[], $4::timestamptz[], $5::timestamptz[],
                            $6::timestamptz[], $7::text[], $8::text[], $9::text[], $10::text[]) with ordinality
                         as e(tenant, incident_id, opened_at, acknowledged_at, confirmed_at, resolved_at, resource,
                              check_name, severity, summary, n)
                group by tenant, incident_id
                on conflict (tenant, incident_id) do update set
                    opened_at = coalesce(incident_times.opened_at, excluded.opened_at),
                    acknowledged_at = coalesce(incident_times.acknowledged_at, excluded.acknowledged_at),
                    confirmed_at = coalesce(incident_times.confirmed_at, excluded.confirmed_at),
                    resolved_at = excluded.resolved_at,
                    resource = excluded.resource,
                    check_name = excluded.check_name,
                    severity = excluded.severity,
                    summary = excluded.summary""")
                .execute(Tuple.from(List.of(tenants, ids, opened, acknowledged, confirmed, resolved, resources, checks,
                        severities, summaries)))
                .replaceWithVoid();
    }

    /**
     * The facts of incident {@code incidentId} of {@code tenant}, as its latest event gave them; empty when no
     * event of it has reached runbook (only a delivery outcome, or nothing).
     */
    public Uni<Optional<IncidentFacts>> facts(String tenant, UUID incidentId) {
        return pool.preparedQuery("""
                        select resource, check_name, severity, summary, opened_at from incident_times
                        where tenant = $1 and incident_id = $2 and opened_at is not null""")
                .execute(Tuple.of(tenant, incidentId))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(factsOf(rows.iterator().next())));
    }

    private static IncidentFacts factsOf(Row row) {
        return new IncidentFacts(row.getString("resource"), row.getString("check_name"), row.getString("severity"),
                row.getString("summary"), row.getOffsetDateTime("opened_at").toInstant());
    }

    /** The earliest delivery to a customer endpoint is the incident's first customer contact. */
    public Uni<Void> recordContacts(SqlConnection connection, Collection<NotificationOutcome> delivered) {
        if (delivered.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return connection.preparedQuery("""
                insert into incident_times (tenant, incident_id, first_contact_at)
                select tenant, incident_id, min(at)
                from unnest($1::text[], $2::uuid[], $3::timestamptz[]) as c(tenant, incident_id, at)
                group by tenant, incident_id
                on conflict (tenant, incident_id) do update set
                    first_contact_at = least(coalesce(incident_times.first_contact_at, excluded.first_contact_at),
                                             excluded.first_contact_at)""")
                .execute(FirstContacts.columns(delivered))
                .replaceWithVoid();
    }

    /** The metrics of the scope's tenants over the incidents opened since {@code since}, one per tenant. */
    public Uni<List<RecoveryStats>> stats(TenantScope scope, Instant since) {
        ScopedQuery incidents = ScopedQuery.select("select tenant, count(*) as incidents, "
                + DURATION_STATS.formatted("acknowledged_at", "acknowledge") + ", "
                + DURATION_STATS.formatted("confirmed_at", "confirm") + ", "
                + DURATION_STATS.formatted("first_contact_at", "contact") + ", "
                + DURATION_STATS.formatted("resolved_at", "recover")
                + " from incident_times", "tenant", scope).where("opened_at >= ?", utc(since)).groupBy("tenant");
        ScopedQuery executions = ScopedQuery.select("""
                select e.tenant, count(*) as ended,
                       count(*) filter (where not exists (
                           select 1 from execution_step s
                           where s.execution_id = e.id and s.critical and s.verified_by is null
                             and s.status not in ('skipped', 'pending'))) as verified
                from execution e""", "e.tenant", scope)
                .where("e.status <> 'open'")
                .where("e.closed_at >= ?", utc(since)).groupBy("e.tenant");
        return pool.preparedQuery(incidents.sql()).execute(incidents.arguments()).chain(rows -> {
            Map<String, Row> byTenant = new HashMap<>();
            rows.forEach(row -> byTenant.put(row.getString("tenant"), row));
            return pool.preparedQuery(executions.sql()).execute(executions.arguments()).map(ended -> {
                Map<String, long[]> endedByTenant = new HashMap<>();
                ended.forEach(row -> endedByTenant.put(row.getString("tenant"),
                        new long[] {row.getLong("ended"), row.getLong("verified")}));
                List<RecoveryStats> stats = new ArrayList<>();
                Set<String> tenants = new TreeSet<>(byTenant.keySet());
                tenants.addAll(endedByTenant.keySet());
                for (String tenant : tenants) {
                    Row row = byTenant.get(tenant);
                    long[] executionCounts = endedByTenant.getOrDefault(tenant, new long[] {0, 0});
                    stats.add(new RecoveryStats(tenant, row == null ? 0 : row.getLong("incidents"),
                            duration(row, "acknowledge"), duration(row, "confirm"), duration(row, "contact"),
                            duration(row, "recover"), executionCounts[0], executionCounts[1]));
                }
                return stats;
            });
        });
    }

    private static RecoveryStats.Duration duration(Row row, String name) {
        if (row == null || row.getLong(name + "_count") == 0) {
            return RecoveryStats.Duration.NONE;
        }
        return new RecoveryStats.Duration(row.getLong(name + "_count"), row.getDouble(name + "_median"),
                row.getDouble(name + "_p90"));
    }

    private static OffsetDateTime utc(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }
}
