package dev.vigil.runbook.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.vigil.contracts.Json;
import dev.vigil.platform.paging.Keyset;
import dev.vigil.platform.paging.Page;
import dev.vigil.platform.paging.PageRequest;
import dev.vigil.platform.security.TenantScope;
import dev.vigil.platform.store.ScopedQuery;
import dev.vigil.runbook.handover.Handover;
import dev.vigil.runbook.handover.HandoverItem;
import dev.vigil.runbook.handover.HandoverItemKind;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * Shift handovers and their items. Written and acknowledged through Hibernate Reactive; read, and swept for
 * overdue items, in plain statements. A handover belongs to the MSP; each item to one tenant, and a reader sees
 * only the items of tenants in their scope.
 */
@ApplicationScoped
public class HandoverStore {
    private static final String HEAD = "select id, shift, next_shift, next_members::text as next_members, written_by,"
            + " written_at, acknowledge_by from handover";
    private static final String ITEMS = "select handover_id, number, tenant, kind, subject_id, step, title, detail,"
            + " ends_at, acknowledged_by, acknowledged_at, acknowledge_note, escalated_at from handover_item";
    private static final TypeReference<List<String>> NAMES = new TypeReference<>() {
    };

    private final Pool pool;

    public HandoverStore(Pool pool) {
        this.pool = pool;
    }

    /** Stores a new handover with its items; a quiet night's handover has none. */
    public Uni<Void> create(Handover handover) {
        return Panache.withTransaction(() -> HandoverEntity.of(handover).persist()
                .chain(() -> handover.items().isEmpty() ? Uni.createFrom().voidItem()
                        : HandoverItemEntity.persist(handover.items().stream()
                                .map(item -> HandoverItemEntity.of(handover.id(), item)))))
                .replaceWithVoid();
    }

    /**
     * Runs {@code acknowledge} on the handover and its item {@code number}, the item locked, and saves who
     * acknowledged it, with {@code note}, when it answers a person; empty when either is unknown or the item's tenant is out of scope.
     *
     * @param acknowledge given the handover (its items in scope) and the item, answers who takes the item over, or
     *                    null to leave it as it is (already taken over by the same person)
     */
    public Uni<Optional<Handover>> acknowledge(TenantScope scope, UUID handoverId, int number, Instant at, String note,
            BiFunction<Handover, HandoverItem, String> acknowledge) {
        return Panache.withTransaction(() -> HandoverItemEntity.<HandoverItemEntity>findById(
                        new HandoverItemEntity.Key(handoverId, number), LockModeType.PESSIMISTIC_WRITE)
                .chain(item -> {
                    if (item == null || !scope.includes(item.tenant)) {
                        return Uni.createFrom().item(false);
                    }
                    return find(scope, handoverId).chain(found -> {
                        String by = acknowledge.apply(found.orElseThrow(), found.orElseThrow().item(number)
                                .orElseThrow());
                        if (by == null) {
                            return Uni.createFrom().item(true);
                        }
                        item.acknowledgedBy = by;
                        item.acknowledgedAt = at;
                        item.acknowledgeNote = note;
                        return item.persistAndFlush().replaceWith(true);
                    });
                }))
                .chain(known -> known ? find(scope, handoverId) : Uni.createFrom().item(Optional.empty()));
    }

    /** The handover, with only the items of tenants in {@code scope}. */
    public Uni<Optional<Handover>> find(TenantScope scope, UUID id) {
        return pool.preparedQuery(HEAD + " where id = $1").execute(Tuple.of(id))
                .chain(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().item(Optional.<Handover>empty());
                    }
                    Row head = rows.iterator().next();
                    return items(pool, scope, List.of(id)).map(items -> Optional.of(toHandover(head,
                            items.getOrDefault(id, List.of()))));
                });
    }

    /** A page of handovers, newest first, each with the items of tenants in {@code scope}. */
    public Uni<Page<Handover>> list(TenantScope scope, PageRequest<UUID> page) {
        // a handover is the MSP's: its head is every staff member's, its items are scoped below
        ScopedQuery query = ScopedQuery.select(HEAD, "", TenantScope.EVERY_TENANT).page("written_at", "id", page);
        return pool.preparedQuery(query.sql()).execute(query.arguments()).chain(rows -> {
            List<Row> heads = new ArrayList<>();
            rows.forEach(heads::add);
            List<UUID> ids = heads.stream().map(row -> row.getUUID("id")).toList();
            return items(pool, scope, ids).map(items -> Page.of(heads.stream()
                            .map(head -> toHandover(head, items.getOrDefault(head.getUUID("id"), List.of())))
                            .toList(), page, handover -> new Keyset<>(handover.writtenAt(), handover.id())));
        });
    }

    /** An overdue item claimed for escalation, with its handover. */
    public record Overdue(Handover handover, HandoverItem item) {
    }

    /**
     * Marks escalated, in the caller's transaction, every unacknowledged item of up to {@code limit} handovers due
     * by {@code now}, and answers them. Handovers are claimed whole under {@code for update skip locked}, so each
     * item escalates once however many replicas sweep.
     */
    public Uni<List<Overdue>> claimOverdue(SqlConnection connection, Instant now, int limit) {
        return connection.preparedQuery("""
                        with due as (
                            select h.id from handover h
                            where h.acknowledge_by <= $1 and exists (select 1 from handover_item i
                                where i.handover_id = h.id and i.acknowledged_at is null and i.escalated_at is null)
                            order by h.acknowledge_by limit $2
                            for update of h skip locked)
                        update handover_item i set escalated_at = $1 from due
                        where i.handover_id = due.id and i.acknowledged_at is null and i.escalated_at is null
                        returning i.handover_id""")
                .execute(Tuple.of(utc(now), limit))
                .chain(rows -> {
                    List<UUID> ids = new ArrayList<>();
                    rows.forEach(row -> ids.add(row.getUUID("handover_id")));
                    if (ids.isEmpty()) {
                        return Uni.createFrom().item(List.<Overdue>of());
                    }
                    return overdue(connection, ids.stream().distinct().toList(), now);
                });
    }

    private Uni<List<Overdue>> overdue(SqlConnection connection, List<UUID> ids, Instant escalatedAt) {
        return connection.preparedQuery(HEAD + " where id = any($1)").execute(Tuple.of(ids.toArray(UUID[]::new)))
                .chain(heads -> items(connection, TenantScope.EVERY_TENANT, ids).map(items -> {
                    List<Overdue> overdue = new ArrayList<>();
                    for (Row head : heads) {
                        Handover handover = toHandover(head, items.getOrDefault(head.getUUID("id"), List.of()));
                        handover.items().stream()
                                .filter(item -> escalatedAt.equals(item.escalatedAt()) && !item.acknowledged())
                                .forEach(item -> overdue.add(new Overdue(handover, item)));
                    }
                    return overdue;
                }));
    }

    private static Uni<Map<UUID, List<HandoverItem>>> items(SqlClient client, TenantScope scope, List<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        ScopedQuery query = ScopedQuery.select(ITEMS, "tenant", scope)
                .where("handover_id = any(?)", ids.toArray(UUID[]::new));
        return client.preparedQuery(query.sql() + " order by handover_id, number").execute(query.arguments())
                .map(rows -> {
                    Map<UUID, List<HandoverItem>> byHandover = new LinkedHashMap<>();
                    for (Row row : rows) {
                        byHandover.computeIfAbsent(row.getUUID("handover_id"), id -> new ArrayList<>())
                                .add(toItem(row));
                    }
                    return byHandover;
                });
    }

    private static Handover toHandover(Row row, List<HandoverItem> items) {
        return new Handover(row.getUUID("id"), row.getString("shift"), row.getString("next_shift"),
                names(row.getString("next_members")), row.getString("written_by"), instant(row, "written_at"),
                instant(row, "acknowledge_by"), items);
    }

    private static HandoverItem toItem(Row row) {
        return new HandoverItem(row.getInteger("number"), row.getString("tenant"),
                HandoverItemKind.fromWire(row.getString("kind")).orElseThrow(), row.getUUID("subject_id"),
                row.getInteger("step"), row.getString("title"), row.getString("detail"), instant(row, "ends_at"),
                row.getString("acknowledged_by"), instant(row, "acknowledged_at"), row.getString("acknowledge_note"),
                instant(row, "escalated_at"));
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime time = row.getOffsetDateTime(column);
        return time == null ? null : time.toInstant();
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    private static List<String> names(String json) {
        try {
            return Json.mapper().readValue(json, NAMES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored next-shift members are not readable", e);
        }
    }
}
