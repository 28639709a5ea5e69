package dev.vigil.runbook.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.vigil.contracts.Json;
import dev.vigil.platform.paging.Keyset;
import dev.vigil.platform.paging.Page;
import dev.vigil.platform.paging.PageRequest;
import dev.vigil.platform.security.TenantScope;
import dev.vigil.platform.store.ScopedQuery;
import dev.vigil.platform.store.UniqueViolation;
import dev.vigil.runbook.Shift;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The MSP's shifts. Written through Hibernate Reactive, read in plain statements. Shifts are the MSP's, not a
 * tenant's: every staff member reads the same list.
 */
@ApplicationScoped
public class ShiftStore {
    private static final String SELECT = "select id, name, time_zone, starts, ends, members::text as members,"
            + " created_at, updated_by, updated_at from shift";
    private static final TypeReference<List<String>> MEMBERS = new TypeReference<>() {
    };

    private final Pool pool;

    public ShiftStore(Pool pool) {
        this.pool = pool;
    }

    /** Stores a new shift; false when another shift has its name. */
    public Uni<Boolean> create(Shift shift) {
        return Panache.withTransaction(() -> ShiftEntity.of(shift).persistAndFlush()).replaceWith(true)
                .onFailure(UniqueViolation::causedBy).recoverWithItem(false);
    }

    /**
     * Replaces shift {@code shift.id()}; empty when there is none.
     *
     * @throws ShiftNameTakenException (through the Uni) when another shift has the new name
     */
    public Uni<Optional<Shift>> update(Shift shift) {
        return Panache.withTransaction(() -> ShiftEntity.<ShiftEntity>findById(shift.id()).chain(entity -> {
                    if (entity == null) {
                        return Uni.createFrom().item(Optional.<Shift>empty());
                    }
                    entity.take(shift);
                    return entity.persistAndFlush().replaceWith(Optional.of(
                            new Shift(shift.id(), shift.name(), shift.zone(), shift.starts(), shift.ends(),
                                    shift.members(), entity.createdAt, shift.updatedBy(), shift.updatedAt())));
                }))
                .onFailure(UniqueViolation::causedBy).transform(e -> new ShiftNameTakenException(shift.name()));
    }

    /** Deletes shift {@code id}; false when there is none. */
    public Uni<Boolean> delete(UUID id) {
        return Panache.withTransaction(() -> ShiftEntity.deleteById(id));
    }

    public Uni<Optional<Shift>> find(UUID id) {
        return pool.preparedQuery(SELECT + " where id = $1").execute(Tuple.of(id))
                .map(rows -> toShifts(rows).stream().findFirst());
    }

    /** Every shift: an MSP has a handful. */
    public Uni<List<Shift>> all() {
        return pool.query(SELECT + " order by name").execute().map(ShiftStore::toShifts);
    }

    /** A page of the shifts, newest first. */
    public Uni<Page<Shift>> list(PageRequest<UUID> page) {
        // shifts have no tenant: every staff member's scope reads them all
        ScopedQuery query = ScopedQuery.select(SELECT, "", TenantScope.EVERY_TENANT).page("created_at", "id", page);
        return pool.preparedQuery(query.sql()).execute(query.arguments())
                .map(rows -> Page.of(toShifts(rows), page, shift -> new Keyset<>(shift.createdAt(), shift.id())));
    }

    private static List<Shift> toShifts(RowSet<Row> rows) {
        List<Shift> shifts = new ArrayList<>(rows.size());
        for (Row row : rows) {
            shifts.add(new Shift(row.getUUID("id"), row.getString("name"), ZoneId.of(row.getString("time_zone")),
                    row.getLocalTime("starts"), row.getLocalTime("ends"), members(row.getString("members")),
                    row.getOffsetDateTime("created_at").toInstant(), row.getString("updated_by"),
                    row.getOffsetDateTime("updated_at").toInstant()));
        }
        return shifts;
    }

    private static List<String> members(String json) {
        try {
            return Json.mapper().readValue(json, MEMBERS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored shift members are not readable", e);
        }
    }
}
