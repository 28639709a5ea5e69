package dev.vigil.triage.store;

import dev.vigil.contracts.IncidentStatus;
import dev.vigil.platform.paging.Keyset;
import dev.vigil.platform.paging.Page;
import dev.vigil.platform.paging.PageRequest;
import dev.vigil.platform.security.TenantScope;
import dev.vigil.platform.store.ScopedQuery;
import dev.vigil.triage.TimelineEntry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Incidents' timelines: appended in the transaction of the change, never updated (the table refuses it). */
@ApplicationScoped
public class TimelineStore {
    private final Pool pool;

    public TimelineStore(Pool pool) {
        this.pool = pool;
    }

    /** Appends in the given order; an entry already written (a replayed cause) is skipped. */
    public Uni<Void> append(SqlClient client, List<TimelineEntry> entries) {
        if (entries.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = entries.size();
        UUID[] ids = new UUID[n];
        String[] tenants = new String[n];
        UUID[] incidents = new UUID[n];
        OffsetDateTime[] at = new OffsetDateTime[n];
        String[] actors = new String[n];
        String[] kinds = new String[n];
        String[] from = new String[n];
        String[] to = new String[n];
        String[] notes = new String[n];
        for (int i = 0; i < n; i++) {
            TimelineEntry entry = entries.get(i);
            ids[i] = entry.id();
            tenants[i] = entry.tenant();
            incidents[i] = entry.incidentId();
            at[i] = entry.at().atOffset(ZoneOffset.UTC);
            actors[i] = entry.actor();
            kinds[i] = entry.kind();
            from[i] = entry.from() == null ? null : entry.from().wireName();
            to[i] = entry.to() == null ? null : entry.to().wireName();
            notes[i] = entry.note();
        }
        return client.preparedQuery("""
                insert into incident_timeline (id, tenant, incident_id, at, actor, kind, from_status, to_status, note)
                select u.id, u.tenant, u.incident_id, u.at, u.actor, u.kind, u.from_status, u.to_status, u.note
                from unnest($1::uuid[], $2::text[], $3::uuid[], $4::timestamptz[], $5::text[], $6::text[], $7::text[],
                            $8::text[], $9::text[]) with ordinality
                     as u(id, tenant, incident_id, at, actor, kind, from_status, to_status, note, n)
                order by u.n
                on conflict (id) do nothing""")
                .execute(Tuple.tuple(List.of(ids, tenants, incidents, at, actors, kinds, from, to, notes)))
                .replaceWithVoid();
    }

    /** A page of one incident's timeline, newest first; the scope keeps other tenants' incidents out. */
    public Uni<Page<TimelineEntry>> page(TenantScope scope, UUID incidentId, PageRequest<Long> page) {
        ScopedQuery query = ScopedQuery.select("select seq, id, tenant, incident_id, at, actor, kind, from_status,"
                + " to_status, note from incident_timeline", "tenant", scope).where("incident_id = ?", incidentId)
                .page("at", "seq", page);
        return pool.preparedQuery(query.sql()).execute(query.arguments()).map(rows -> {
            List<Positioned> entries = new ArrayList<>(rows.size());
            rows.forEach(row -> entries.add(new Positioned(row.getLong("seq"), entry(row))));
            return Page.of(entries, page, p -> new Keyset<>(p.entry().at(), p.seq())).map(Positioned::entry);
        });
    }

    private record Positioned(long seq, TimelineEntry entry) {
    }

    private static TimelineEntry entry(Row row) {
        return new TimelineEntry(row.getUUID("id"), row.getString("tenant"), row.getUUID("incident_id"),
                row.getOffsetDateTime("at").toInstant(), row.getString("actor"), row.getString("kind"),
                status(row.getString("from_status")), status(row.getString("to_status")), row.getString("note"));
    }

    private static IncidentStatus status(String value) {
        return value == null ? null : IncidentStatus.fromWire(value).orElseThrow();
    }
}
