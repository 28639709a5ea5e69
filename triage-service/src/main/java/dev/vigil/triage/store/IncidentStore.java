package dev.vigil.triage.store;

import dev.vigil.contracts.IncidentDecision;
import dev.vigil.contracts.IncidentStatus;
import dev.vigil.contracts.Json;
import dev.vigil.contracts.NotificationOutcome;
import dev.vigil.contracts.Severity;
import dev.vigil.platform.paging.Keyset;
import dev.vigil.platform.paging.Page;
import dev.vigil.platform.paging.PageRequest;
import dev.vigil.platform.security.TenantScope;
import dev.vigil.platform.store.FirstContacts;
import dev.vigil.platform.store.ScopedQuery;
import dev.vigil.triage.GroupRef;
import dev.vigil.triage.Incident;
import io.smallrye.mutiny.Uni;
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
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Incidents in PostgreSQL; batch reads and writes are one statement each, every read is scoped by tenant. */
@ApplicationScoped
public class IncidentStore {
    private static final String COLUMNS = "id, tenant, fingerprint, status, source, resource, check_name, severity, "
            + "summary, labels::text as labels, occurrences, opened_at, last_seen_at, resolved_at, recovered_at, "
            + "first_contact_at, decision::text as decision, group_key, flapping, (select count(*) from incident_execution e"
            + " where e.incident_id = incidents.id and e.ended_at is null) as running_executions";

    private final Pool pool;

    public IncidentStore(Pool pool) {
        this.pool = pool;
    }

    /**
     * The live incidents with one of {@code ids}, or of one of the {@code groups} (tenant, group key), locked until
     * the transaction ends (in id order, so that two writers never wait on each other in a circle): an operator's
     * confirmation and a batch of alerts never overwrite each other.
     */
    public Uni<List<Incident>> findLiveForUpdate(SqlClient client, Collection<UUID> ids, Collection<GroupRef> groups) {
        if (ids.isEmpty() && groups.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        String[] tenants = groups.stream().map(GroupRef::tenant).toArray(String[]::new);
        String[] keys = groups.stream().map(GroupRef::groupKey).toArray(String[]::new);
        return client.preparedQuery("select " + COLUMNS + " from incidents where status <> 'resolved' and (id = any($1)"
                        + " or (tenant, group_key) in (select * from unnest($2::text[], $3::text[])))"
                        + " order by id for update of incidents")
                .execute(Tuple.of(ids.toArray(UUID[]::new), tenants, keys))
                .map(IncidentStore::toIncidents);
    }

    /**
     * The live incidents of these tenants that went quiet by their cutoff, locked until the transaction ends; one
     * another transaction holds is skipped, a later batch ends it.
     */
    public Uni<List<Incident>> findQuietForUpdate(SqlClient client, Map<String, Instant> cutoffs) {
        if (cutoffs.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        String[] tenants = cutoffs.keySet().toArray(String[]::new);
        OffsetDateTime[] until = Arrays.stream(tenants).map(t -> Rows.offset(cutoffs.get(t)))
                .toArray(OffsetDateTime[]::new);
        return client.preparedQuery("select " + COLUMNS + " from incidents join unnest($1::text[],"
                        + " $2::timestamptz[]) as c(tenant, cutoff) using (tenant) where status <> 'resolved'"
                        + " and recovered_at is not null and recovered_at <= c.cutoff"
                        + " order by id for update of incidents skip locked")
                .execute(Tuple.of(tenants, until))
                .map(IncidentStore::toIncidents);
    }

    /** Incidents by id, locked until the transaction ends (in id order); {@code scope} limits whose. */
    public Uni<List<Incident>> findForUpdate(SqlClient client, TenantScope scope, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        ScopedQuery query = ScopedQuery.select("select " + COLUMNS + " from incidents", "tenant", scope)
                .where("id = any(?)", ids.toArray(UUID[]::new));
        return client.preparedQuery(query.sql() + " order by id for update").execute(query.arguments())
                .map(IncidentStore::toIncidents);
    }

    /**
     * Keeps, for each incident, the first time a message about it reached its customer: the earliest of the
     * deliveries given and the one already recorded. One statement for a batch of outcomes.
     */
    public Uni<Void> recordFirstContacts(SqlClient client, Collection<NotificationOutcome> delivered) {
        if (delivered.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        // id = any: look the incidents up by key; a join with unnest alone may be planned as a scan of the table
        return client.preparedQuery("""
                update incidents i set first_contact_at = c.at
                from (select tenant, incident_id, min(at) as at
                      from unnest($1::text[], $2::uuid[], $3::timestamptz[]) as u(tenant, incident_id, at)
                      group by tenant, incident_id) c
                where i.id = any($2) and i.id = c.incident_id and i.tenant = c.tenant
                  and (i.first_contact_at is null or i.first_contact_at > c.at)""")
                .execute(FirstContacts.columns(delivered)).replaceWithVoid();
    }

    /** Upserts the incidents in the given order (resolved before live, see {@link dev.vigil.triage.Changes}). */
    public Uni<Void> save(SqlClient client, List<Incident> incidents) {
        if (incidents.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = incidents.size();
        UUID[] ids = new UUID[n];
        String[] tenants = new String[n];
        String[] fingerprints = new String[n];
        String[] statuses = new String[n];
        String[] sources = new String[n];
        String[] resources = new String[n];
        String[] checks = new String[n];
        String[] severities = new String[n];
        String[] summaries = new String[n];
        String[] labels = new String[n];
        Long[] occurrences = new Long[n];
        OffsetDateTime[] openedAt = new OffsetDateTime[n];
        OffsetDateTime[] lastSeenAt = new OffsetDateTime[n];
        OffsetDateTime[] resolvedAt = new OffsetDateTime[n];
        OffsetDateTime[] recoveredAt = new OffsetDateTime[n];
        String[] decisions = new String[n];
        String[] groupKeys = new String[n];
        Boolean[] flapping = new Boolean[n];
        for (int i = 0; i < n; i++) {
            Incident incident = incidents.get(i);
            ids[i] = incident.id();
            tenants[i] = incident.tenant();
            fingerprints[i] = incident.fingerprint();
            statuses[i] = incident.status().wireName();
            sources[i] = incident.source();
            resources[i] = incident.resource();
            checks[i] = incident.check();
            severities[i] = incident.severity().wireName();
            summaries[i] = incident.summary();
            labels[i] = Json.write(incident.labels());
            occurrences[i] = incident.occurrences();
            openedAt[i] = Rows.offset(incident.openedAt());
            lastSeenAt[i] = Rows.offset(incident.lastSeenAt());
            resolvedAt[i] = Rows.offset(incident.resolvedAt());
            recoveredAt[i] = Rows.offset(incident.recoveredAt());
            decisions[i] = Json.write(incident.decision());
            groupKeys[i] = incident.groupKey();
            flapping[i] = incident.flapping();
        }
        return client.preparedQuery("""
                insert into incidents (id, tenant, fingerprint, status, source, resource, check_name, severity,
                                       summary, labels, occurrences, opened_at, last_seen_at, resolved_at,
                                       recovered_at, decision, group_key, flapping)
                select u.id, u.tenant, u.fingerprint, u.status, u.source, u.resource, u.check_name, u.severity,
                       u.summary, u.labels::jsonb, u.occurrences, u.opened_at, u.last_seen_at, u.resolved_at,
                       u.recovered_at, u.decision::jsonb, u.group_key, u.flapping
                from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                            $8::text[], $9::text[], $10::text[], $11::bigint[], $12::timestamptz[],
                            $13::timestamptz[], $14::timestamptz[], $15::timestamptz[], $16::text[], $17::text[],
                            $18::boolean[]) with ordinality
                     as u(id, tenant, fingerprint, status, source, resource, check_name, severity, summary, labels,
                          occurrences, opened_at, last_seen_at, resolved_at, recovered_at, decision, group_key,
                          flapping, n)
                order by u.n
                on conflict (id) do update set
                    status = excluded.status, severity = excluded.severity, summary = excluded.summary,
                    source = excluded.source, resource = excluded.resource, check_name = excluded.check_name,
                    flapping = excluded.flapping,
                    labels = excluded.labels, occurrences = excluded.occurrences,
                    last_seen_at = excluded.last_seen_at, resolved_at = excluded.resolved_at,
                    recovered_at = excluded.recovered_at, decision = excluded.decision""")
                .execute(Tuple.tuple(List.of(ids, tenants, fingerprints, statuses, sources, resources, checks,
                        severities, summaries, labels, occurrences, openedAt, lastSeenAt, resolvedAt, recoveredAt,
                        decisions, groupKeys, flapping)))
                .replaceWithVoid();
    }

    /** A page of the scope's incidents, newest opened first; {@code status} narrows it when present. */
    public Uni<Page<Incident>> list(TenantScope scope, Optional<IncidentStatus> status, PageRequest<UUID> page) {
        ScopedQuery query = ScopedQuery.select("select " + COLUMNS + " from incidents", "tenant", scope);
        status.ifPresent(wanted -> query.where("status = ?", wanted.wireName()));
        query.page("opened_at", "id", page);
        return pool.preparedQuery(query.sql()).execute(query.arguments())
                .map(rows -> Page.of(toIncidents(rows), page, incident -> new Keyset<>(incident.openedAt(),
                        incident.id())));
    }

    /** The tenant's incidents opened from {@code since} on, or still live then, oldest first. */
    public Uni<List<Incident>> openedSince(String tenant, Instant since) {
        return pool.preparedQuery("select " + COLUMNS + " from incidents where tenant = $1"
                        + " and (opened_at >= $2 or resolved_at is null or resolved_at >= $2) order by opened_at")
                .execute(Tuple.of(tenant, since.atOffset(ZoneOffset.UTC)))
                .map(IncidentStore::toIncidents);
    }

    public Uni<Optional<Incident>> find(TenantScope scope, UUID id) {
        ScopedQuery query = ScopedQuery.select("select " + COLUMNS + " from incidents", "tenant", scope)
                .where("id = ?", id);
        return pool.preparedQuery(query.sql()).execute(query.arguments())
                .map(rows -> toIncidents(rows).stream().findFirst());
    }

    private static List<Incident> toIncidents(RowSet<Row> rows) {
        List<Incident> incidents = new ArrayList<>(rows.size());
        rows.forEach(row -> incidents.add(toIncident(row)));
        return incidents;
    }

    private static Incident toIncident(Row row) {
        return new Incident(row.getUUID("id"), row.getString("tenant"), row.getString("fingerprint"),
                IncidentStatus.fromWire(row.getString("status")).orElseThrow(), row.getString("source"),
                row.getString("resource"), row.getString("check_name"),
                Severity.fromWire(row.getString("severity")).orElseThrow(), row.getString("summary"),
                Rows.labels(row.getString("labels")), row.getLong("occurrences"), Rows.instant(row, "opened_at"),
                Rows.instant(row, "last_seen_at"), Rows.instant(row, "resolved_at"), Rows.instant(row, "recovered_at"),
                Rows.instant(row, "first_contact_at"), Rows.read(row.getString("decision"), IncidentDecision.class),
                row.getLong("running_executions").intValue(), row.getString("group_key"), row.getBoolean("flapping"));
    }
}
