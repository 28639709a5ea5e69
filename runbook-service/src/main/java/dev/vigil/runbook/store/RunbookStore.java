package dev.vigil.runbook.store;

import dev.vigil.platform.paging.Keyset;
import dev.vigil.platform.paging.Page;
import dev.vigil.platform.paging.PageRequest;
import dev.vigil.platform.security.TenantScope;
import dev.vigil.platform.store.ScopedQuery;
import dev.vigil.platform.store.UniqueViolation;
import dev.vigil.runbook.Runbook;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The runbook catalog, every version kept. The API saves versions as a Hibernate Reactive aggregate (a head row
 * and an immutable version row, in one transaction on the locked head); reads and the incident batch path read
 * head and version together in plain statements, the batch path inside its own transaction.
 */
@ApplicationScoped
public class RunbookStore {
    private static final String SELECT = """
            select r.id, r.tenant, v.version, v.definition::text as definition, v.changed_by, v.changed_at,
                   r.created_at
            from runbook r join runbook_version v on v.runbook_id = r.id
            """;
    private static final String CURRENT = SELECT + " and v.version = r.version";

    private final Pool pool;

    public RunbookStore(Pool pool) {
        this.pool = pool;
    }

    /** The outcome of saving a definition over a runbook's current version. */
    public enum Saved { NEW_VERSION, UNCHANGED }

    /** Stores the runbook as its version 1; false when the tenant already has a runbook of that name. */
    public Uni<Boolean> create(Runbook runbook) {
        RunbookEntity head = new RunbookEntity();
        head.id = runbook.id();
        head.tenant = runbook.tenant();
        head.name = runbook.name();
        head.version = runbook.version();
        head.createdAt = runbook.createdAt();
        head.updatedAt = runbook.changedAt();
        // the transaction is rolled back before the duplicate is recognised, so nothing half-done remains
        return Panache.withTransaction(() -> head.persist()
                        .chain(() -> Panache.getSession().chain(session -> session.persist(versionRow(runbook))))
                        .chain(() -> Panache.getSession().chain(session -> session.flush())))
                .replaceWith(true)
                .onFailure(UniqueViolation::causedBy).recoverWithItem(false);
    }

    /**
     * Saves {@code draft}'s definition as the next version of runbook {@code id} of a tenant in {@code scope}, by
     * {@code by} at {@code at}; a definition equal to the current one saves nothing. Empty when there is no such
     * runbook there.
     *
     * @throws RunbookNameTakenException (through the Uni) when the new name is another runbook's of the tenant
     */
    public Uni<Optional<Runbook>> update(TenantScope scope, UUID id, Runbook draft, String by, Instant at) {
        return Panache.withTransaction(() -> RunbookEntity.findForUpdate(scope, id).chain(head -> {
                    if (head == null) {
                        return Uni.createFrom().item(Optional.<Runbook>empty());
                    }
                    return current(head).chain(current -> {
                        if (current.sameDefinitionAs(draft)) {
                            return Uni.createFrom().item(Optional.of(current));
                        }
                        Runbook next = draft.asVersion(id, head.version + 1, by, at, head.createdAt);
                        head.version = next.version();
                        head.name = next.name();
                        head.updatedAt = at;
                        return Panache.getSession().chain(session -> session.persist(versionRow(next)))
                                .chain(() -> Panache.getSession().chain(session -> session.flush()))
                                .replaceWith(Optional.of(next));
                    });
                }))
                .onFailure(UniqueViolation::causedBy).transform(e -> new RunbookNameTakenException(draft.name()));
    }

    /**
     * A page of the scope's runbooks as their current versions say them, newest first, with the shared ones when
     * {@code withShared}.
     */
    public Uni<Page<Runbook>> list(TenantScope scope, boolean withShared, PageRequest<UUID> page) {
        ScopedQuery query = (withShared ? withShared(CURRENT, scope) : ScopedQuery.select(CURRENT, "r.tenant", scope))
                .page("r.created_at", "r.id", page);
        return pool.preparedQuery(query.sql()).execute(query.arguments()).map(RunbookStore::toRunbooks)
                .map(found -> Page.of(found, page, runbook -> new Keyset<>(runbook.createdAt(), runbook.id())));
    }

    /** The runbook's current version, if a tenant in {@code scope} has it. */
    public Uni<Optional<Runbook>> find(TenantScope scope, UUID id) {
        ScopedQuery query = withShared(CURRENT, scope).where("r.id = ?", id);
        return pool.preparedQuery(query.sql()).execute(query.arguments()).map(RunbookStore::toRunbooks)
                .map(found -> found.stream().findFirst());
    }

    /** The current version of the tenant's runbook named {@code name} (the shared one for {@code *}), if any. */
    public Uni<Optional<Runbook>> findByName(String tenant, String name) {
        ScopedQuery query = ScopedQuery.select(CURRENT, "r.tenant", TenantScope.of(tenant)).where("r.name = ?", name);
        return pool.preparedQuery(query.sql()).execute(query.arguments()).map(RunbookStore::toRunbooks)
                .map(found -> found.stream().findFirst());
    }

    /** A page of one runbook's versions, newest first; empty when no tenant in {@code scope} has the runbook. */
    public Uni<Page<Runbook>> versions(TenantScope scope, UUID id, PageRequest<Long> page) {
        ScopedQuery query = withShared(SELECT, scope).where("r.id = ?", id)
                .page("v.changed_at", "v.version::bigint", page);
        return pool.preparedQuery(query.sql()).execute(query.arguments()).map(RunbookStore::toRunbooks)
                .map(found -> Page.of(found, page, runbook -> new Keyset<>(runbook.changedAt(),
                        (long) runbook.version())));
    }

    /** One version of the runbook, if a tenant in {@code scope} has the runbook and it has that version. */
    public Uni<Optional<Runbook>> version(TenantScope scope, UUID id, int version) {
        ScopedQuery query = withShared(SELECT, scope).where("r.id = ?", id)
                .where("v.version = ?", version);
        return pool.preparedQuery(query.sql()).execute(query.arguments()).map(RunbookStore::toRunbooks)
                .map(found -> found.stream().findFirst());
    }

    /**
     * The current versions of the given tenants' runbooks and of the shared ones, read inside the caller's
     * transaction.
     */
    public Uni<List<Runbook>> listForTenants(SqlConnection connection, Collection<String> tenants) {
        return connection.preparedQuery(CURRENT + " where r.tenant = any($1) or r.tenant = '" + Runbook.SHARED + "'")
                .execute(Tuple.of(tenants.toArray(String[]::new))).map(RunbookStore::toRunbooks);
    }

    /** The version {@code head} names, read in the head's session. */
    private static Uni<Runbook> current(RunbookEntity head) {
        return Panache.getSession().chain(session -> session.createQuery(
                        "from RunbookVersionEntity where runbookId = :id and version = :version",
                        RunbookVersionEntity.class)
                .setParameter("id", head.id).setParameter("version", head.version).getSingleResult())
                .map(row -> row.toRunbook(head.createdAt));
    }

    private static RunbookVersionEntity versionRow(Runbook runbook) {
        return new RunbookVersionEntity(runbook.id(), runbook.version(), runbook.tenant(),
                StoredDefinition.write(runbook), runbook.changedBy(), runbook.changedAt());
    }

    private static List<Runbook> toRunbooks(RowSet<Row> rows) {
        List<Runbook> runbooks = new ArrayList<>(rows.size());
        for (Row row : rows) {
            StoredDefinition definition = StoredDefinition.read(row.getString("definition"));
            runbooks.add(new Runbook(row.getUUID("id"), row.getString("tenant"), row.getInteger("version"),
                    definition.name(), definition.description(), definition.match(), definition.steps(),
                    row.getString("changed_by"), row.getOffsetDateTime("changed_at").toInstant(),
                    row.getOffsetDateTime("created_at").toInstant()));
        }
        return runbooks;
    }

    /** {@code select} narrowed to the scope's tenants' runbooks and the shared ones, which every staff member reads. */
    private static ScopedQuery withShared(String select, TenantScope scope) {
        ScopedQuery query = ScopedQuery.select(select, "r.tenant", TenantScope.EVERY_TENANT);
        return scope.everyTenant() ? query
                : query.where("(r.tenant = any(?) or r.tenant = '" + Runbook.SHARED + "')", scope.toArray());
    }
}
