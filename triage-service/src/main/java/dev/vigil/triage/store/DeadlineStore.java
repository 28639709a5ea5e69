package dev.vigil.triage.store;

import dev.vigil.triage.Deadline;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Deadlines as rows: written with the change that sets them, claimed by whichever replica finds them due first. */
@ApplicationScoped
public class DeadlineStore {

    /** Sets each incident's deadline of that kind; a later one of the same kind replaces it. */
    public Uni<Void> keep(SqlClient client, List<Deadline> deadlines) {
        if (deadlines.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = deadlines.size();
        UUID[] incidents = new UUID[n];
        String[] tenants = new String[n];
        String[] kinds = new String[n];
        OffsetDateTime[] due = new OffsetDateTime[n];
        for (int i = 0; i < n; i++) {
            Deadline deadline = deadlines.get(i);
            incidents[i] = deadline.incidentId();
            tenants[i] = deadline.tenant();
            kinds[i] = deadline.kind().wireName();
            due[i] = deadline.dueAt().atOffset(ZoneOffset.UTC);
        }
        // the last of one incident and kind in the batch wins: distinct on keeps the highest ordinality
        return client.preparedQuery("""
                insert into incident_deadline (incident_id, tenant, kind, due_at)
                select distinct on (u.incident_id, u.kind) u.incident_id, u.tenant, u.kind, u.due_at
                from unnest($1::uuid[], $2::text[], $3::text[], $4::timestamptz[]) with ordinality
                     as u(incident_id, tenant, kind, due_at, n)
                order by u.incident_id, u.kind, u.n desc
                on conflict (incident_id, kind) do update set due_at = excluded.due_at""")
                .execute(Tuple.of(incidents, tenants, kinds, due))
                .replaceWithVoid();
    }

    /**
     * Up to {@code limit} deadlines due by {@code now}, locked with their incidents until the transaction ends. A row
     * another replica holds, or whose incident a batch or an operator is changing, is skipped and found on a later
     * round: each deadline fires in one place, and the sweeper never waits on a lock.
     */
    public Uni<List<Deadline>> claimDue(SqlClient client, Instant now, int limit) {
        return client.preparedQuery("select d.incident_id, d.tenant, d.kind, d.due_at from incident_deadline d"
                        + " join incidents i on i.id = d.incident_id where d.due_at <= $1 order by d.due_at limit $2"
                        + " for update of d, i skip locked")
                .execute(Tuple.of(now.atOffset(ZoneOffset.UTC), limit))
                .map(rows -> {
                    List<Deadline> due = new ArrayList<>(rows.size());
                    rows.forEach(row -> due.add(new Deadline(row.getUUID("incident_id"), row.getString("tenant"),
                            Deadline.Kind.fromWire(row.getString("kind")),
                            row.getOffsetDateTime("due_at").toInstant())));
                    return due;
                });
    }

    public Uni<Void> remove(SqlClient client, List<Deadline> fired) {
        if (fired.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        UUID[] incidents = fired.stream().map(Deadline::incidentId).toArray(UUID[]::new);
        String[] kinds = fired.stream().map(d -> d.kind().wireName()).toArray(String[]::new);
        OffsetDateTime[] due = fired.stream().map(d -> d.dueAt().atOffset(ZoneOffset.UTC))
                .toArray(OffsetDateTime[]::new);
        // only the deadline that fired: one moved later meanwhile stays
        return client.preparedQuery("delete from incident_deadline d using unnest($1::uuid[], $2::text[],"
                        + " $3::timestamptz[]) as f(incident_id, kind, due_at)"
                        + " where d.incident_id = f.incident_id and d.kind = f.kind and d.due_at = f.due_at")
                .execute(Tuple.of(incidents, kinds, due))
                .replaceWithVoid();
    }
}
