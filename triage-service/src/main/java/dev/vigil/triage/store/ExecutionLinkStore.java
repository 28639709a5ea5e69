package dev.vigil.triage.store;

import dev.vigil.contracts.RunbookExecutionEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Which runbook executions run for which incident, as runbook announces them. An ending that arrives before its
 * opening still counts: each row only ever moves from running to ended.
 */
@ApplicationScoped
public class ExecutionLinkStore {

    public Uni<Void> record(SqlClient client, List<RunbookExecutionEvent> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = events.size();
        UUID[] executions = new UUID[n];
        String[] tenants = new String[n];
        UUID[] incidents = new UUID[n];
        String[] names = new String[n];
        OffsetDateTime[] endedAt = new OffsetDateTime[n];
        String[] outcomes = new String[n];
        for (int i = 0; i < n; i++) {
            RunbookExecutionEvent event = events.get(i);
            executions[i] = event.executionId();
            tenants[i] = event.tenant();
            incidents[i] = event.incidentId();
            names[i] = event.runbookName();
            boolean ended = event.change().ends();
            endedAt[i] = ended ? occurred(event) : null;
            outcomes[i] = ended ? event.change().wireName() : null;
        }
        // the ended row of an execution sorts first, so distinct on keeps it when a batch holds both
        return client.preparedQuery("""
                insert into incident_execution (execution_id, tenant, incident_id, runbook_name, ended_at, outcome)
                select distinct on (u.execution_id) u.execution_id, u.tenant, u.incident_id, u.runbook_name,
                       u.ended_at, u.outcome
                from unnest($1::uuid[], $2::text[], $3::uuid[], $4::text[], $5::timestamptz[], $6::text[])
                     as u(execution_id, tenant, incident_id, runbook_name, ended_at, outcome)
                order by u.execution_id, u.ended_at nulls last
                on conflict (execution_id) do update set
                    ended_at = coalesce(incident_execution.ended_at, excluded.ended_at),
                    outcome = coalesce(incident_execution.outcome, excluded.outcome)""")
                .execute(Tuple.tuple(List.of(executions, tenants, incidents, names, endedAt, outcomes)))
                .replaceWithVoid();
    }

    private static OffsetDateTime occurred(RunbookExecutionEvent event) {
        return (event.occurredAt() != null ? event.occurredAt() : Instant.now()).atOffset(ZoneOffset.UTC);
    }
}
