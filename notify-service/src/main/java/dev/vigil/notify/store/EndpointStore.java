package dev.vigil.notify.store;

import dev.vigil.notify.Endpoint;
import dev.vigil.platform.paging.Keyset;
import dev.vigil.platform.paging.Page;
import dev.vigil.platform.paging.PageRequest;
import dev.vigil.platform.security.TenantScope;
import dev.vigil.platform.store.ScopedQuery;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The endpoint table; every read is scoped to one tenant. */
@ApplicationScoped
public class EndpointStore {
    private static final String COLUMNS = "id, tenant, url, description, secret, enabled, created_at";

    private final Pool pool;

    public EndpointStore(Pool pool) {
        this.pool = pool;
    }

    /** Stores a new endpoint; empty when the tenant already has one with this URL. */
    public Uni<Optional<Endpoint>> insert(UUID id, String tenant, String url, String description, String secret) {
        return pool.preparedQuery("""
                insert into endpoint (id, tenant, url, description, secret) values ($1, $2, $3, $4, $5)
                on conflict (tenant, url) do nothing
                returning\s""" + COLUMNS)
                .execute(Tuple.of(id, tenant, url, description, secret))
                .map(EndpointStore::first);
    }

    /** A page of the scope's endpoints, newest first. */
    public Uni<Page<Endpoint>> list(TenantScope scope, PageRequest<UUID> page) {
        ScopedQuery query = ScopedQuery.select("select " + COLUMNS + " from endpoint", "tenant", scope)
                .page("created_at", "id", page);
        return pool.preparedQuery(query.sql()).execute(query.arguments())
                .map(rows -> {
                    List<Endpoint> endpoints = new ArrayList<>(rows.size());
                    rows.forEach(row -> endpoints.add(endpoint(row)));
                    return Page.of(endpoints, page, endpoint -> new Keyset<>(endpoint.createdAt(), endpoint.id()));
                });
    }

    public Uni<Optional<Endpoint>> find(TenantScope scope, UUID id) {
        ScopedQuery query = ScopedQuery.select("select " + COLUMNS + " from endpoint", "tenant", scope)
                .where("id = ?", id);
        return pool.preparedQuery(query.sql()).execute(query.arguments()).map(EndpointStore::first);
    }

    /** The enabled endpoint ids of each of {@code tenants}, in one query for a whole batch of events. */
    public Uni<Map<String, List<UUID>>> enabledByTenant(SqlConnection connection, Set<String> tenants) {
        if (tenants.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return connection.preparedQuery(
                "select tenant, id from endpoint where enabled and tenant = any($1) order by id")
                .execute(Tuple.of(tenants.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, List<UUID>> byTenant = new HashMap<>();
                    rows.forEach(row -> byTenant.computeIfAbsent(row.getString("tenant"), t -> new ArrayList<>())
                            .add(row.getUUID("id")));
                    return byTenant;
                });
    }

    private static Optional<Endpoint> first(RowSet<Row> rows) {
        return rows.size() == 0 ? Optional.empty() : Optional.of(endpoint(rows.iterator().next()));
    }

    private static Endpoint endpoint(Row row) {
        return new Endpoint(row.getUUID("id"), row.getString("tenant"), row.getString("url"),
                row.getString("description"), row.getString("secret"), row.getBoolean("enabled"),
                row.getOffsetDateTime("created_at").toInstant());
    }
}
