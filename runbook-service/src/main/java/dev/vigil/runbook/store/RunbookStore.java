package dev.vigil.runbook.store;

import dev.vigil.platform.paging.Keyset;
import dev.vigil.platform.paging.Page;
import dev.vigil.platform.paging.PageRequest;
import dev.vigil.platform.security.TenantScope;
import dev.vigil.platform.store.ScopedQuery;
import dev.vigil.runbook.Runbook;
import dev.vigil.runbook.RunbookStep;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The runbook catalog: each runbook row with its steps, read whole in one statement. */
@ApplicationScoped
public class RunbookStore {
    // every runbook has at least one step, so the inner join never drops one
    private static final String SELECT = """
            select r.id, r.tenant, r.name, r.description, r.match, r.created_at,
                   json_agg(json_build_object('position', s.position, 'title', s.title,
                            'instructions', s.instructions, 'critical', s.critical) order by s.position) as steps
            from runbook r join runbook_step s on s.runbook_id = r.id
            """;

    private final Pool pool;

    public RunbookStore(Pool pool) {
        this.pool = pool;
    }

    /** Stores the runbook with its steps; false when the tenant already has a runbook of that name. */
    public Uni<Boolean> create(Runbook runbook) {
        return pool.withTransaction(connection -> connection.preparedQuery("""
                insert into runbook (id, tenant, name, description, match, created_at)
                values ($1, $2, $3, $4, $5, $6)
                on conflict (tenant, name) do nothing""")
                .execute(Tuple.of(runbook.id(), runbook.tenant(), runbook.name(), runbook.description(),
                        new JsonObject(new HashMap<>(runbook.match())), runbook.createdAt().atOffset(ZoneOffset.UTC)))
                .chain(inserted -> inserted.rowCount() == 0
                        ? Uni.createFrom().item(false)
                        : insertSteps(connection, runbook).replaceWith(true)));
    }

    /** A page of the scope's runbooks, newest first. */
    public Uni<Page<Runbook>> list(TenantScope scope, PageRequest<UUID> page) {
        ScopedQuery query = ScopedQuery.select(SELECT, "r.tenant", scope).groupBy("r.id")
                .page("r.created_at", "r.id", page);
        return pool.preparedQuery(query.sql()).execute(query.arguments()).map(RunbookStore::toRunbooks)
                .map(found -> Page.of(found, page, runbook -> new Keyset<>(runbook.createdAt(), runbook.id())));
    }

    public Uni<Optional<Runbook>> find(TenantScope scope, UUID id) {
        ScopedQuery query = ScopedQuery.select(SELECT, "r.tenant", scope).where("r.id = ?", id).groupBy("r.id");
        return pool.preparedQuery(query.sql()).execute(query.arguments()).map(RunbookStore::toRunbooks)
                .map(found -> found.stream().findFirst());
    }

    /** The whole catalog of the given tenants, read inside the caller's transaction. */
    public Uni<List<Runbook>> listForTenants(SqlConnection connection, Collection<String> tenants) {
        return read(connection, "where r.tenant = any($1) group by r.id",
                Tuple.of(tenants.toArray(String[]::new)));
    }

    private static Uni<Void> insertSteps(SqlConnection connection, Runbook runbook) {
        int n = runbook.steps().size();
        Integer[] positions = new Integer[n];
        String[] titles = new String[n];
        String[] instructions = new String[n];
        Boolean[] critical = new Boolean[n];
        for (int i = 0; i < n; i++) {
            RunbookStep step = runbook.steps().get(i);
            positions[i] = step.position();
            titles[i] = step.title();
            instructions[i] = step.instructions();
            critical[i] = step.critical();
        }
        return connection.preparedQuery("""
                insert into runbook_step (runbook_id, position, title, instructions, critical)
                select $1, s.position, s.title, s.instructions, s.critical
                from unnest($2::int[], $3::text[], $4::text[], $5::bool[]) as s(position, title, instructions, critical)""")
                .execute(Tuple.of(runbook.id(), positions, titles, instructions, critical))
                .replaceWithVoid();
    }

    private static Uni<List<Runbook>> read(SqlClient client, String condition, Tuple arguments) {
        return client.preparedQuery(SELECT + " " + condition).execute(arguments).map(RunbookStore::toRunbooks);
    }

    private static List<Runbook> toRunbooks(RowSet<Row> rows) {
        List<Runbook> runbooks = new ArrayList<>(rows.size());
        for (Row row : rows) {
            runbooks.add(new Runbook(row.getUUID("id"), row.getString("tenant"), row.getString("name"),
                    row.getString("description"), toMatch(row.getJsonObject("match")),
                    toSteps(row.getJsonArray("steps")), row.getOffsetDateTime("created_at").toInstant()));
        }
        return runbooks;
    }

    private static Map<String, String> toMatch(JsonObject match) {
        Map<String, String> result = new HashMap<>();
        match.forEach(entry -> result.put(entry.getKey(), String.valueOf(entry.getValue())));
        return result;
    }

    private static List<RunbookStep> toSteps(JsonArray steps) {
        List<RunbookStep> result = new ArrayList<>(steps.size());
        for (int i = 0; i < steps.size(); i++) {
            JsonObject step = steps.getJsonObject(i);
            result.add(new RunbookStep(step.getInteger("position"), step.getString("title"),
                    step.getString("instructions"), step.getBoolean("critical")));
        }
        return result;
    }
}
