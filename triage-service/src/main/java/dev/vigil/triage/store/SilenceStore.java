package dev.vigil.triage.store;

import dev.vigil.platform.paging.Keyset;
import dev.vigil.platform.paging.Page;
import dev.vigil.platform.paging.PageRequest;
import dev.vigil.platform.security.TenantScope;
import dev.vigil.platform.store.ScopedQuery;
import dev.vigil.triage.silence.Silence;
import dev.vigil.triage.silence.SilenceState;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Silences: written through Hibernate Reactive (an aggregate the API edits), read with SQL over the pool, where
 * every list builds its scope and paging ({@link ScopedQuery}). Every statement is scoped by tenant.
 */
@ApplicationScoped
public class SilenceStore {
    static final String COLUMNS = "id, tenant, matchers::text as matchers, starts_at, ends_at, until_resolved, comment,"
            + " created_by, created_at, ended_by";

    private final Pool pool;

    public SilenceStore(Pool pool) {
        this.pool = pool;
    }

    @WithTransaction
    public Uni<Silence> create(Silence silence) {
        return SilenceEntity.of(silence).persist().replaceWith(silence);
    }

    /**
     * Ends the silence at {@code now} on behalf of {@code by}; one that already ended keeps its end
     * ({@link Silence#expiredAt}). Empty when {@code scope} holds no silence {@code id}.
     */
    @WithTransaction
    public Uni<Optional<Silence>> expire(TenantScope scope, UUID id, Instant now, String by) {
        return SilenceEntity.findForUpdate(scope, id).map(entity -> {
            if (entity == null) {
                return Optional.empty();
            }
            Silence expired = entity.toSilence().expiredAt(now, by);
            entity.end(expired);
            return Optional.of(expired);
        });
    }

    public Uni<Optional<Silence>> find(TenantScope scope, UUID id) {
        ScopedQuery query = ScopedQuery.select("select " + COLUMNS + " from silence", "tenant", scope)
                .where("id = ?", id);
        return pool.preparedQuery(query.sql()).execute(query.arguments())
                .map(rows -> toSilences(rows).stream().findFirst());
    }

    /** A page of the scope's silences, newest created first; {@code state} narrows it to those in it at {@code now}. */
    public Uni<Page<Silence>> list(TenantScope scope, Optional<SilenceState> state, Instant now,
            PageRequest<UUID> page) {
        ScopedQuery query = ScopedQuery.select("select " + COLUMNS + " from silence", "tenant", scope);
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        state.ifPresent(wanted -> {
            switch (wanted) {
                case PENDING -> query.where("starts_at > ? and (ends_at is null or ends_at > ?)", at);
                case ACTIVE -> query.where("starts_at <= ? and (ends_at is null or ends_at > ?)", at);
                case EXPIRED -> query.where("ends_at <= ?", at);
                default -> throw new IllegalArgumentException("unknown state " + wanted);
            }
        });
        query.page("created_at", "id", page);
        return pool.preparedQuery(query.sql()).execute(query.arguments())
                .map(rows -> Page.of(toSilences(rows), page, s -> new Keyset<>(s.createdAt(), s.id())));
    }

    static List<Silence> toSilences(RowSet<Row> rows) {
        List<Silence> silences = new ArrayList<>(rows.size());
        rows.forEach(row -> silences.add(toSilence(row)));
        return silences;
    }

    private static Silence toSilence(Row row) {
        return new Silence(row.getUUID("id"), row.getString("tenant"), StoredMatchers.read(row.getString("matchers")),
                instant(row, "starts_at"), instant(row, "ends_at"), row.getBoolean("until_resolved"),
                row.getString("comment"), row.getString("created_by"), instant(row, "created_at"),
                row.getString("ended_by"));
    }

    static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }
}
