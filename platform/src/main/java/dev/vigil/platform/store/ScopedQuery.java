package dev.vigil.platform.store;

import dev.vigil.platform.paging.PageRequest;
import dev.vigil.platform.security.TenantScope;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A select over one tenant-owned table, filtered by the caller's {@link TenantScope} and optional conditions, and,
 * for a list, ordered newest first and cut at a keyset. Conditions name their argument {@code ?}; this numbers
 * them. Every list endpoint builds its query here, so scope and paging are written once.
 */
public final class ScopedQuery {
    private final String select;
    private final List<String> conditions = new ArrayList<>();
    private final Tuple arguments = Tuple.tuple();
    private String groupBy = "";
    private String tail = "";

    private ScopedQuery(String select) {
        this.select = select;
    }

    /** {@code select} is "select ... from table"; {@code tenantColumn} holds each row's tenant. */
    public static ScopedQuery select(String select, String tenantColumn, TenantScope scope) {
        ScopedQuery query = new ScopedQuery(select);
        if (!scope.everyTenant()) {
            query.where(tenantColumn + " = any(?)", scope.toArray());
        }
        return query;
    }

    /** Adds {@code condition}, whose one {@code ?} stands for {@code value}. */
    public ScopedQuery where(String condition, Object value) {
        arguments.addValue(value);
        conditions.add(condition.replace("?", "$" + arguments.size()));
        return this;
    }

    /** Adds {@code condition}, which takes no value ("deleted_at is null"). */
    public ScopedQuery where(String condition) {
        conditions.add(condition);
        return this;
    }

    /** For a select that aggregates child rows: {@code group by columns}, after the conditions. */
    public ScopedQuery groupBy(String columns) {
        groupBy = " group by " + columns;
        return this;
    }

    /**
     * Newest first by {@code timeColumn} then {@code idColumn} (both descending), starting after the request's
     * keyset, one row more than the limit so that {@link dev.vigil.platform.paging.Page#of} knows whether another
     * page follows.
     */
    public ScopedQuery page(String timeColumn, String idColumn, PageRequest<?> request) {
        request.after().ifPresent(after -> {
            arguments.addValue(after.at().atOffset(ZoneOffset.UTC));
            arguments.addValue(after.id());
            int at = arguments.size() - 1;
            conditions.add("(" + timeColumn + ", " + idColumn + ") < ($" + at + ", $" + (at + 1) + ")");
        });
        arguments.addValue(request.limit() + 1);
        tail = " order by " + timeColumn + " desc, " + idColumn + " desc limit $" + arguments.size();
        return this;
    }

    public String sql() {
        return select + (conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions)) + groupBy + tail;
    }

    public Tuple arguments() {
        return arguments;
    }
}
