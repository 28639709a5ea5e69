package dev.vigil.runbook.store;

import dev.vigil.platform.paging.Keyset;
import dev.vigil.platform.paging.Page;
import dev.vigil.platform.security.TenantScope;
import dev.vigil.platform.store.ScopedQuery;
import dev.vigil.runbook.Execution;
import dev.vigil.runbook.ExecutionStatus;
import dev.vigil.runbook.ExecutionStep;
import dev.vigil.runbook.StepStatus;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/** Executions and their copied steps. */
@ApplicationScoped
public class ExecutionStore {
    private static final String COLUMNS = "id, tenant, incident_id, runbook_id, runbook_name, status, step_count,"
            + " opened_at, closed_at, closed_by, close_note";

    private final Pool pool;

    public ExecutionStore(Pool pool) {
        this.pool = pool;
    }

    /**
     * Opens the executions, each with a copy of its runbook's steps, in one statement inside the caller's
     * transaction. Returns only those opened now: an execution that already exists for the same incident and
     * runbook (a replay, or a second announcement of the incident) is left as it is.
     */
    public Uni<List<Execution>> open(SqlConnection connection, List<NewExecution> executions) {
        if (executions.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        int n = executions.size();
        UUID[] ids = new UUID[n];
        String[] tenants = new String[n];
        UUID[] incidentIds = new UUID[n];
        UUID[] runbookIds = new UUID[n];
        UUID[] causeEventIds = new UUID[n];
        for (int i = 0; i < n; i++) {
            NewExecution execution = executions.get(i);
            ids[i] = execution.id();
            tenants[i] = execution.tenant();
            incidentIds[i] = execution.incidentId();
            runbookIds[i] = execution.runbookId();
            causeEventIds[i] = execution.causeEventId();
        }
        // the runbook join re-checks the tenant, so a runbook can never be opened for another tenant's incident;
        // a data-modifying CTE runs to completion even though the final select does not read it
        return connection.preparedQuery("""
                with opened as (
                    insert into execution (id, tenant, incident_id, runbook_id, runbook_name, cause_event_id,
                                           status, step_count)
                    select e.id, e.tenant, e.incident_id, r.id, r.name, e.cause_event_id, 'open',
                           (select count(*) from runbook_step s where s.runbook_id = r.id)
                    from unnest($1::uuid[], $2::text[], $3::uuid[], $4::uuid[], $5::uuid[])
                             with ordinality as e(id, tenant, incident_id, runbook_id, cause_event_id, n)
                    join runbook r on r.id = e.runbook_id and r.tenant = e.tenant
                    order by e.n
                    on conflict do nothing
                    returning %s
                ), copied as (
                    insert into execution_step (execution_id, position, title, instructions, critical, status)
                    select o.id, s.position, s.title, s.instructions, s.critical, 'pending'
                    from opened o join runbook_step s on s.runbook_id = o.runbook_id
                )
                select %s from opened""".formatted(COLUMNS, COLUMNS))
                .execute(Tuple.of(ids, tenants, incidentIds, runbookIds, causeEventIds))
                .map(rows -> map(rows, ExecutionStore::toExecution));
    }

    public Uni<Page<Execution>> list(ExecutionQuery query) {
        ScopedQuery select = ScopedQuery.select("select " + COLUMNS + " from execution", "tenant", query.scope());
        query.incidentId().ifPresent(incidentId -> select.where("incident_id = ?", incidentId));
        query.status().ifPresent(status -> select.where("status = ?", status.wireName()));
        select.page("opened_at", "id", query.page());
        return pool.preparedQuery(select.sql()).execute(select.arguments())
                .map(rows -> Page.of(map(rows, ExecutionStore::toExecution), query.page(),
                        execution -> new Keyset<>(execution.openedAt(), execution.id())));
    }

    public Uni<Optional<Execution>> find(TenantScope scope, UUID id) {
        ScopedQuery select = ScopedQuery.select("select " + COLUMNS + " from execution", "tenant", scope)
                .where("id = ?", id);
        return pool.preparedQuery(select.sql()).execute(select.arguments())
                .map(rows -> map(rows, ExecutionStore::toExecution).stream().findFirst());
    }

    public <T> Uni<T> inTransaction(Function<SqlConnection, Uni<T>> work) {
        return pool.withTransaction(work);
    }

    /**
     * The execution, if its tenant is in {@code scope}, locked until the transaction ends: a concurrent change of
     * the same execution waits here, then reads what this one wrote.
     */
    public Uni<Optional<Execution>> lock(SqlConnection connection, TenantScope scope, UUID id) {
        ScopedQuery select = ScopedQuery.select("select " + COLUMNS + " from execution", "tenant", scope)
                .where("id = ?", id);
        return connection.preparedQuery(select.sql() + " for update").execute(select.arguments())
                .map(rows -> map(rows, ExecutionStore::toExecution).stream().findFirst());
    }

    /** Writes the ending of an execution this transaction locked. */
    public Uni<Void> saveClosing(SqlConnection connection, Execution execution) {
        return connection.preparedQuery("""
                update execution set status = $2, closed_at = $3, closed_by = $4, close_note = $5 where id = $1""")
                .execute(Tuple.of(execution.id(), execution.status().wireName(),
                        execution.closedAt().atOffset(ZoneOffset.UTC), execution.closedBy(), execution.closeNote()))
                .replaceWithVoid();
    }

    public Uni<List<ExecutionStep>> steps(UUID executionId) {
        return pool.preparedQuery("""
                select position, title, instructions, critical, status
                from execution_step where execution_id = $1 order by position""")
                .execute(Tuple.of(executionId))
                .map(rows -> map(rows, ExecutionStore::toStep));
    }

    private static <T> List<T> map(RowSet<Row> rows, Function<Row, T> mapper) {
        List<T> result = new ArrayList<>(rows.size());
        for (Row row : rows) {
            result.add(mapper.apply(row));
        }
        return result;
    }

    private static Execution toExecution(Row row) {
        return new Execution(row.getUUID("id"), row.getString("tenant"), row.getUUID("incident_id"),
                row.getUUID("runbook_id"), row.getString("runbook_name"),
                ExecutionStatus.fromWire(row.getString("status")).orElseThrow(),
                row.getInteger("step_count"), row.getOffsetDateTime("opened_at").toInstant(),
                instant(row.getOffsetDateTime("closed_at")), row.getString("closed_by"), row.getString("close_note"));
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    private static ExecutionStep toStep(Row row) {
        return new ExecutionStep(row.getInteger("position"), row.getString("title"), row.getString("instructions"),
                row.getBoolean("critical"), StepStatus.fromWire(row.getString("status")).orElseThrow());
    }
}
