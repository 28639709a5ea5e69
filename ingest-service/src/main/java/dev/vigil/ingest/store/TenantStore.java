package dev.vigil.ingest.store;

import dev.vigil.ingest.Tenant;
import dev.vigil.ingest.TenantExistsException;
import dev.vigil.platform.paging.Keyset;
import dev.vigil.platform.paging.Page;
import dev.vigil.platform.paging.PageRequest;
import dev.vigil.platform.security.TenantScope;
import dev.vigil.platform.store.ScopedQuery;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class TenantStore {
    static final String UNIQUE_VIOLATION = "23505";

    private final Pool pool;

    public TenantStore(Pool pool) {
        this.pool = pool;
    }

    public Uni<Tenant> create(String id, String name) {
        return pool.preparedQuery("insert into tenants (id, name) values ($1, $2) returning id, name, created_at")
                .execute(Tuple.of(id, name))
                .map(rows -> toTenant(rows.iterator().next()))
                .onFailure(TenantStore::isUniqueViolation)
                .transform(e -> new TenantExistsException(id));
    }

    /** The tenant, if it exists and is in {@code scope}. */
    public Uni<Optional<Tenant>> find(TenantScope scope, String id) {
        ScopedQuery query = ScopedQuery.select("select id, name, created_at from tenants", "id", scope)
                .where("id = ?", id);
        return pool.preparedQuery(query.sql()).execute(query.arguments())
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(toTenant(rows.iterator().next())));
    }

    /** A page of the tenants in {@code scope}, newest first. */
    public Uni<Page<Tenant>> list(TenantScope scope, PageRequest<String> page) {
        ScopedQuery query = ScopedQuery.select("select id, name, created_at from tenants", "id", scope)
                .page("created_at", "id", page);
        return pool.preparedQuery(query.sql()).execute(query.arguments()).map(rows -> {
            List<Tenant> tenants = new ArrayList<>();
            rows.forEach(row -> tenants.add(toTenant(row)));
            return Page.of(tenants, page, tenant -> new Keyset<>(tenant.createdAt(), tenant.id()));
        });
    }

    static boolean isUniqueViolation(Throwable failure) {
        return failure instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState());
    }

    private static Tenant toTenant(Row row) {
        return new Tenant(row.getString("id"), row.getString("name"), row.getOffsetDateTime("created_at").toInstant());
    }
}
