package dev.vigil.ingest.store;

import dev.vigil.ingest.Tenant;
import dev.vigil.ingest.TenantExistsException;
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

    public Uni<Optional<Tenant>> find(String id) {
        return pool.preparedQuery("select id, name, created_at from tenants where id = $1").execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(toTenant(rows.iterator().next())));
    }

    public Uni<List<Tenant>> list() {
        return pool.query("select id, name, created_at from tenants order by id").execute().map(rows -> {
            List<Tenant> tenants = new ArrayList<>();
            rows.forEach(row -> tenants.add(toTenant(row)));
            return tenants;
        });
    }

    static boolean isUniqueViolation(Throwable failure) {
        return failure instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState());
    }

    private static Tenant toTenant(Row row) {
        return new Tenant(row.getString("id"), row.getString("name"), row.getOffsetDateTime("created_at").toInstant());
    }
}
