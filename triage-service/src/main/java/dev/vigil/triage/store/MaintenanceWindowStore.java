package dev.vigil.triage.store;

import dev.vigil.platform.paging.Keyset;
import dev.vigil.platform.paging.Page;
import dev.vigil.platform.paging.PageRequest;
import dev.vigil.platform.security.TenantScope;
import dev.vigil.platform.store.ScopedQuery;
import dev.vigil.triage.window.MaintenanceWindow;
import dev.vigil.triage.window.StaleVersionException;
import dev.vigil.triage.window.WindowDefinition;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Maintenance windows: written through Hibernate Reactive (an aggregate the API edits, versioned for If-Match),
 * read with SQL over the pool like every list ({@link ScopedQuery}). Every statement is scoped by tenant.
 */
@ApplicationScoped
public class MaintenanceWindowStore {
    static final String COLUMNS = "id, tenant, name, matchers::text as matchers, time_zone, comment, starts_at,"
            + " ends_at, recurrence_days, recurrence_start, recurrence_end, recurrence_from, recurrence_until, version,"
            + " created_by, created_at, updated_by, updated_at";

    private final Pool pool;

    public MaintenanceWindowStore(Pool pool) {
        this.pool = pool;
    }

    /** Stores a new window; the answer has its first version. */
    @WithTransaction
    public Uni<MaintenanceWindow> create(MaintenanceWindow window) {
        return MaintenanceWindowEntity.of(window).<MaintenanceWindowEntity>persistAndFlush()
                .map(MaintenanceWindowEntity::toWindow);
    }

    /**
     * Replaces the definition of the window {@code id}, as {@code by} at {@code at}. The row stays locked from
     * reading to writing, so {@code ifMatch} (an ETag; null or {@code *} for an unconditional replacement) is
     * compared with the version actually replaced.
     *
     * @return the window after, or empty when {@code scope} holds no window {@code id}
     * @throws StaleVersionException when {@code ifMatch} names another version
     */
    @WithTransaction
    public Uni<Optional<MaintenanceWindow>> replace(TenantScope scope, UUID id, String ifMatch,
            WindowDefinition definition, String by, Instant at) {
        return MaintenanceWindowEntity.findForUpdate(scope, id).chain(entity -> {
            if (entity == null) {
                return Uni.createFrom().item(Optional.<MaintenanceWindow>empty());
            }
            if (ifMatch != null && !ifMatch.equals("*") && !ifMatch.equals(etag(entity.version))) {
                throw new StaleVersionException(entity.version, ifMatch);
            }
            entity.define(definition);
            entity.updatedBy = by;
            entity.updatedAt = at;
            return entity.flush().map(flushed -> Optional.of(entity.toWindow()));
        });
    }

    /** Deletes the window; false when {@code scope} holds no window {@code id}. */
    @WithTransaction
    public Uni<Boolean> delete(TenantScope scope, UUID id) {
        return MaintenanceWindowEntity.findForUpdate(scope, id).chain(entity -> entity == null
                ? Uni.createFrom().item(false) : entity.delete().replaceWith(true));
    }

    public Uni<Optional<MaintenanceWindow>> find(TenantScope scope, UUID id) {
        ScopedQuery query = ScopedQuery.select("select " + COLUMNS + " from maintenance_window", "tenant", scope)
                .where("id = ?", id);
        return pool.preparedQuery(query.sql()).execute(query.arguments())
                .map(rows -> toWindows(rows).stream().findFirst());
    }

    /** A page of the scope's windows, newest created first. */
    public Uni<Page<MaintenanceWindow>> list(TenantScope scope, PageRequest<UUID> page) {
        ScopedQuery query = ScopedQuery.select("select " + COLUMNS + " from maintenance_window", "tenant", scope)
                .page("created_at", "id", page);
        return pool.preparedQuery(query.sql()).execute(query.arguments())
                .map(rows -> Page.of(toWindows(rows), page, w -> new Keyset<>(w.createdAt(), w.id())));
    }

    /** The ETag of a version, as the API sends it in {@code ETag} and takes it back in {@code If-Match}. */
    public static String etag(int version) {
        return "\"" + version + "\"";
    }

    static List<MaintenanceWindow> toWindows(RowSet<Row> rows) {
        List<MaintenanceWindow> windows = new ArrayList<>(rows.size());
        rows.forEach(row -> windows.add(toWindow(row)));
        return windows;
    }

    private static MaintenanceWindow toWindow(Row row) {
        ZoneId zone = ZoneId.of(row.getString("time_zone"));
        WindowDefinition definition = new WindowDefinition(row.getString("name"),
                StoredMatchers.read(row.getString("matchers")), zone, row.getString("comment"),
                MaintenanceWindowEntity.schedule(zone, SilenceStore.instant(row, "starts_at"),
                        SilenceStore.instant(row, "ends_at"), row.getString("recurrence_days"),
                        row.getLocalTime("recurrence_start"), row.getLocalTime("recurrence_end"),
                        SilenceStore.instant(row, "recurrence_from"), SilenceStore.instant(row, "recurrence_until")));
        return new MaintenanceWindow(row.getUUID("id"), row.getString("tenant"), definition,
                row.getInteger("version"), row.getString("created_by"), SilenceStore.instant(row, "created_at"),
                row.getString("updated_by"), SilenceStore.instant(row, "updated_at"));
    }
}
