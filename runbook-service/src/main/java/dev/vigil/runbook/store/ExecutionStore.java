package dev.vigil.runbook.store;

import dev.vigil.platform.paging.Keyset;
import dev.vigil.platform.paging.Page;
import dev.vigil.platform.paging.PageRequest;
import dev.vigil.platform.security.TenantScope;
import dev.vigil.platform.store.ScopedQuery;
import dev.vigil.runbook.Approval;
import dev.vigil.runbook.Execution;
import dev.vigil.runbook.ExecutionStatus;
import dev.vigil.runbook.ExecutionStep;
import dev.vigil.runbook.IncidentFacts;
import dev.vigil.runbook.Isolation;
import dev.vigil.runbook.RunbookStep;
import dev.vigil.runbook.StepKind;
import dev.vigil.runbook.StepStatus;
import dev.vigil.runbook.TimelineAction;
import dev.vigil.runbook.TimelineEntry;
import dev.vigil.runbook.handover.HandoverItems;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/** Executions and their copied steps. */
@ApplicationScoped
public class ExecutionStore {
    private static final String STEP_COLUMNS = "position, name, kind, title, instructions, expected, critical,"
            + " customer_visible, customer_approval, branches::text as branches, next_step, status, started_by,"
            + " started_at, finished_by, finished_at, outcome, note, answer, verified_by, verified_at, approval,"
            + " approval_by, approval_at, approval_note";
    private static final String COLUMNS = "id, tenant, incident_id, runbook_id, runbook_name, runbook_version,"
            + " status, step_count, opened_at, closed_at, closed_by, close_note, resource, check_name, severity,"
            + " summary, incident_opened_at";

    private final Pool pool;

    public ExecutionStore(Pool pool) {
        this.pool = pool;
    }

    /**
     * Opens the executions, each with a copy of its runbook's steps, in one statement inside the caller's
     * transaction. Returns only those opened now: an execution that already exists for the same incident and
     * runbook (a replay, or a second announcement of the incident) is left as it is. Each opened execution's
     * timeline starts with its opening by {@code openedBy}.
     */
    public Uni<List<Execution>> open(SqlConnection connection, List<NewExecution> executions, String openedBy) {
        if (executions.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        int n = executions.size();
        UUID[] ids = new UUID[n];
        String[] tenants = new String[n];
        UUID[] incidentIds = new UUID[n];
        UUID[] runbookIds = new UUID[n];
        Integer[] versions = new Integer[n];
        UUID[] causeEventIds = new UUID[n];
        String[] resources = new String[n];
        String[] checks = new String[n];
        String[] severities = new String[n];
        String[] summaries = new String[n];
        OffsetDateTime[] incidentOpenedAt = new OffsetDateTime[n];
        for (int i = 0; i < n; i++) {
            NewExecution execution = executions.get(i);
            ids[i] = execution.id();
            tenants[i] = execution.tenant();
            incidentIds[i] = execution.incidentId();
            runbookIds[i] = execution.runbookId();
            versions[i] = execution.runbookVersion();
            causeEventIds[i] = execution.causeEventId();
            IncidentFacts incident = execution.incident();
            resources[i] = incident.resource();
            checks[i] = incident.check();
            severities[i] = incident.severity();
            summaries[i] = incident.summary();
            incidentOpenedAt[i] = utc(incident.openedAt());
        }
        // the runbook join re-checks the tenant, so a runbook can never be opened for another tenant's incident;
        // the steps are copied from the very version that matched; a data-modifying CTE runs to completion even
        // though the final select does not read it
        return connection.preparedQuery("""
                with opened as (
                    insert into execution (id, tenant, incident_id, runbook_id, runbook_name, runbook_version,
                                           cause_event_id, status, step_count, resource, check_name, severity,
                                           summary, incident_opened_at)
                    select e.id, e.tenant, e.incident_id, r.id, v.definition ->> 'name', v.version, e.cause_event_id,
                           'open', jsonb_array_length(v.definition -> 'steps'), e.resource, e.check_name,
                           e.severity, e.summary, e.incident_opened_at
                    from unnest($1::uuid[], $2::text[], $3::uuid[], $4::uuid[], $5::int[], $6::uuid[], $8::text[],
                                $9::text[], $10::text[], $11::text[], $12::timestamptz[])
                             with ordinality as e(id, tenant, incident_id, runbook_id, version, cause_event_id,
                                                  resource, check_name, severity, summary, incident_opened_at, n)
                    join runbook r on r.id = e.runbook_id and (r.tenant = e.tenant or r.tenant = '*')
                    join runbook_version v on v.runbook_id = r.id and v.version = e.version
                    order by e.n
                    on conflict do nothing
                    returning %s
                ), copied as (
                    insert into execution_step (execution_id, position, name, kind, title, instructions, expected,
                                                critical, customer_visible, customer_approval, branches, next_step,
                                                status)
                    select o.id, s.position, s.step ->> 'name', s.step ->> 'kind', s.step ->> 'title',
                           s.step ->> 'instructions', s.step ->> 'expected', (s.step ->> 'critical')::boolean,
                           coalesce((s.step ->> 'customerVisible')::boolean, false),
                           coalesce((s.step ->> 'customerApproval')::boolean, false), s.step -> 'branches',
                           s.step ->> 'next', 'pending'
                    from opened o
                    join runbook_version v on v.runbook_id = o.runbook_id and v.version = o.runbook_version
                    cross join lateral jsonb_array_elements(v.definition -> 'steps')
                        with ordinality as s(step, position)
                ), started as (
                    insert into execution_entry (execution_id, seq, tenant, at, actor, action)
                    select o.id, 1, o.tenant, o.opened_at, $7, 'opened' from opened o
                )
                select %s from opened""".formatted(COLUMNS, COLUMNS))
                .execute(Tuple.from(List.of(ids, tenants, incidentIds, runbookIds, versions, causeEventIds,
                        openedBy, resources, checks, severities, summaries, incidentOpenedAt)))
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

    /** Every open execution of the scope's tenants, with its steps, oldest first. */
    public Uni<List<HandoverItems.Running>> running(TenantScope scope) {
        ScopedQuery select = ScopedQuery.select("select " + COLUMNS + " from execution", "tenant", scope)
                .where("status = ?", ExecutionStatus.OPEN.wireName());
        return pool.preparedQuery(select.sql() + " order by opened_at, id").execute(select.arguments())
                .map(rows -> map(rows, ExecutionStore::toExecution))
                .chain(open -> open.isEmpty() ? Uni.createFrom().item(List.<HandoverItems.Running>of())
                        : pool.preparedQuery("select execution_id, " + STEP_COLUMNS
                                        + " from execution_step where execution_id = any($1) order by position")
                                .execute(Tuple.of(open.stream().map(Execution::id).toArray(UUID[]::new)))
                                .map(rows -> {
                                    Map<UUID, List<ExecutionStep>> steps = new HashMap<>();
                                    rows.forEach(row -> steps.computeIfAbsent(row.getUUID("execution_id"),
                                            id -> new ArrayList<>()).add(toStep(row)));
                                    return open.stream().map(execution -> new HandoverItems.Running(execution,
                                            steps.getOrDefault(execution.id(), List.of()))).toList();
                                }));
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
        return steps(pool, executionId);
    }

    /** The steps of an execution, in order, read by {@code client} (inside its transaction if it has one). */
    public Uni<List<ExecutionStep>> steps(SqlClient client, UUID executionId) {
        return client.preparedQuery("select " + STEP_COLUMNS
                        + " from execution_step where execution_id = $1 order by position")
                .execute(Tuple.of(executionId))
                .map(rows -> map(rows, ExecutionStore::toStep));
    }

    /** Writes steps of an execution this transaction locked, one after the other. */
    public Uni<Void> saveSteps(SqlConnection connection, UUID executionId, List<ExecutionStep> steps) {
        Uni<Void> saved = Uni.createFrom().voidItem();
        for (ExecutionStep step : steps) {
            saved = saved.chain(() -> saveStep(connection, executionId, step));
        }
        return saved;
    }

    private Uni<Void> saveStep(SqlConnection connection, UUID executionId, ExecutionStep step) {
        return connection.preparedQuery("""
                update execution_step set status = $3, started_by = $4, started_at = $5, finished_by = $6,
                       finished_at = $7, outcome = $8, note = $9, answer = $10, verified_by = $11, verified_at = $12,
                       approval = $13, approval_by = $14, approval_at = $15, approval_note = $16
                where execution_id = $1 and position = $2""")
                .execute(Tuple.from(Arrays.asList(executionId, step.position(), step.status().wireName(),
                        step.startedBy(), utc(step.startedAt()), step.finishedBy(), utc(step.finishedAt()),
                        step.outcome() == null ? null : step.outcome().wireName(), step.note(), step.answer(),
                        step.verifiedBy(), utc(step.verifiedAt()),
                        step.approval() == null ? null : step.approval().approved() ? "approved" : "rejected",
                        step.approval() == null ? null : step.approval().by(),
                        step.approval() == null ? null : utc(step.approval().at()),
                        step.approval() == null ? null : step.approval().note())))
                .replaceWithVoid();
    }

    /**
     * Appends entries to the timeline of an execution this transaction locked, numbered after its last: the lock
     * makes the numbering race-free.
     */
    public Uni<Void> append(SqlConnection connection, Execution execution, List<TimelineEntry> entries) {
        if (entries.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = entries.size();
        OffsetDateTime[] at = new OffsetDateTime[n];
        String[] actors = new String[n];
        String[] actions = new String[n];
        Integer[] steps = new Integer[n];
        String[] notes = new String[n];
        Integer[] corrects = new Integer[n];
        for (int i = 0; i < n; i++) {
            TimelineEntry entry = entries.get(i);
            at[i] = utc(entry.at());
            actors[i] = entry.actor();
            actions[i] = entry.action().wireName();
            steps[i] = entry.step();
            notes[i] = entry.note();
            corrects[i] = entry.corrects();
        }
        return connection.preparedQuery("""
                insert into execution_entry (execution_id, seq, tenant, at, actor, action, step, note, corrects)
                select $1, last.seq + e.n, $2, e.at, e.actor, e.action, e.step, e.note, e.corrects
                from unnest($3::timestamptz[], $4::text[], $5::text[], $6::int[], $7::text[], $8::int[])
                         with ordinality as e(at, actor, action, step, note, corrects, n),
                     (select coalesce(max(seq), 0) as seq from execution_entry where execution_id = $1) last""")
                .execute(Tuple.from(List.of(execution.id(), execution.tenant(), at, actors, actions, steps, notes,
                        corrects)))
                .replaceWithVoid();
    }

    /** The isolation record of an execution, read by {@code client} (inside its transaction if it has one). */
    public Uni<Isolation> isolation(SqlClient client, UUID executionId) {
        return client.preparedQuery("select isolation::text as isolation from execution where id = $1")
                .execute(Tuple.of(executionId))
                .map(rows -> StoredIsolation.read(rows.iterator().next().getString("isolation")));
    }

    public Uni<Isolation> isolation(UUID executionId) {
        return isolation(pool, executionId);
    }

    /** Writes the isolation record of an execution this transaction locked. */
    public Uni<Void> saveIsolation(SqlConnection connection, UUID executionId, Isolation isolation) {
        return connection.preparedQuery("update execution set isolation = $2::text::jsonb where id = $1")
                .execute(Tuple.of(executionId, StoredIsolation.write(isolation)))
                .replaceWithVoid();
    }

    /** How many entries the timeline of an execution this transaction locked has. */
    public Uni<Integer> timelineLength(SqlConnection connection, UUID executionId) {
        return connection.preparedQuery("select count(*) from execution_entry where execution_id = $1")
                .execute(Tuple.of(executionId))
                .map(rows -> rows.iterator().next().getLong(0).intValue());
    }

    /**
     * A page of an execution's timeline, oldest first: a timeline is read as it happened. The cursor's id is the
     * seq of the last entry read.
     */
    public Uni<Page<TimelineEntry>> timeline(UUID executionId, PageRequest<Integer> page) {
        int after = page.after().map(Keyset::id).orElse(0);
        return pool.preparedQuery("""
                select seq, at, actor, action, step, note, corrects from execution_entry
                where execution_id = $1 and seq > $2 order by seq limit $3""")
                .execute(Tuple.of(executionId, after, page.limit() + 1))
                .map(rows -> Page.of(map(rows, ExecutionStore::toEntry), page,
                        entry -> new Keyset<>(entry.at(), entry.seq())));
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
                row.getUUID("runbook_id"), row.getString("runbook_name"), row.getInteger("runbook_version"),
                ExecutionStatus.fromWire(row.getString("status")).orElseThrow(),
                row.getInteger("step_count"), row.getOffsetDateTime("opened_at").toInstant(),
                instant(row.getOffsetDateTime("closed_at")), row.getString("closed_by"), row.getString("close_note"),
                new IncidentFacts(row.getString("resource"), row.getString("check_name"), row.getString("severity"),
                        row.getString("summary"), instant(row.getOffsetDateTime("incident_opened_at"))));
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    private static ExecutionStep toStep(Row row) {
        String outcome = row.getString("outcome");
        String branches = row.getString("branches");
        RunbookStep definition = new RunbookStep(row.getInteger("position"), row.getString("name"),
                StepKind.ofWire(row.getString("kind")), row.getString("title"), row.getString("instructions"),
                row.getString("expected"), row.getBoolean("critical"), row.getBoolean("customer_visible"),
                row.getBoolean("customer_approval"), branches == null ? Map.of() : StoredBranches.read(branches),
                row.getString("next_step"));
        return new ExecutionStep(definition, StepStatus.fromWire(row.getString("status")).orElseThrow(),
                row.getString("started_by"), instant(row.getOffsetDateTime("started_at")),
                row.getString("finished_by"), instant(row.getOffsetDateTime("finished_at")),
                outcome == null ? null : StepStatus.fromWire(outcome).orElseThrow(), row.getString("note"),
                row.getString("answer"), row.getString("verified_by"), instant(row.getOffsetDateTime("verified_at")),
                approval(row));
    }

    private static Approval approval(Row row) {
        String decision = row.getString("approval");
        return decision == null ? null : new Approval(decision.equals("approved"), row.getString("approval_by"),
                row.getOffsetDateTime("approval_at").toInstant(), row.getString("approval_note"));
    }

    private static TimelineEntry toEntry(Row row) {
        return new TimelineEntry(row.getInteger("seq"), row.getOffsetDateTime("at").toInstant(),
                row.getString("actor"), TimelineAction.fromWire(row.getString("action")).orElseThrow(),
                row.getInteger("step"), row.getString("note"), row.getInteger("corrects"));
    }

    private static OffsetDateTime utc(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }
}
