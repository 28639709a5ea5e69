package dev.vigil.notify.store;

import dev.vigil.notify.message.Language;
import dev.vigil.notify.message.MessageKind;
import dev.vigil.notify.message.StoredTemplate;
import dev.vigil.notify.message.TemplateOverrides;
import dev.vigil.notify.message.TemplateText;
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

/** Tenants' own message templates; every read is scoped to the caller's tenants, or to a batch's. */
@ApplicationScoped
public class TemplateStore {
    private static final String COLUMNS = "id, tenant, kind, language, subject, body, version, created_at,"
            + " updated_by, updated_at";

    private final Pool pool;

    public TemplateStore(Pool pool) {
        this.pool = pool;
    }

    /** The overrides of each of {@code tenants}, in one query for a whole batch of events. */
    public Uni<Map<String, TemplateOverrides>> overrides(SqlConnection connection, Set<String> tenants) {
        if (tenants.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return connection.preparedQuery("select " + COLUMNS + " from message_template where tenant = any($1)")
                .execute(Tuple.of(tenants.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, Map<TemplateOverrides.Key, TemplateText>> byTenant = new HashMap<>();
                    rows.forEach(row -> {
                        StoredTemplate stored = template(row);
                        byTenant.computeIfAbsent(stored.tenant(), tenant -> new HashMap<>()).put(
                                new TemplateOverrides.Key(stored.kind(), stored.language()), stored.text());
                    });
                    Map<String, TemplateOverrides> overrides = new HashMap<>();
                    byTenant.forEach((tenant, texts) -> overrides.put(tenant, new TemplateOverrides(texts)));
                    return overrides;
                });
    }

    /** A page of the scope's overrides of {@code kinds}, newest first. */
    public Uni<Page<StoredTemplate>> list(TenantScope scope, List<MessageKind> kinds, PageRequest<UUID> page) {
        ScopedQuery query = ScopedQuery.select("select " + COLUMNS + " from message_template", "tenant", scope)
                .where("kind = any(?)", kinds.stream().map(MessageKind::wireName).toArray(String[]::new));
        query.page("created_at", "id", page);
        return pool.preparedQuery(query.sql()).execute(query.arguments())
                .map(rows -> {
                    List<StoredTemplate> templates = new ArrayList<>(rows.size());
                    rows.forEach(row -> templates.add(template(row)));
                    return Page.of(templates, page, stored -> new Keyset<>(stored.createdAt(), stored.id()));
                });
    }

    public Uni<Optional<StoredTemplate>> find(String tenant, MessageKind kind, Language language) {
        return pool.preparedQuery("select " + COLUMNS + " from message_template"
                        + " where tenant = $1 and kind = $2 and language = $3")
                .execute(Tuple.of(tenant, kind.wireName(), language.wireName()))
                .map(TemplateStore::first);
    }

    /** Stores {@code text} as {@code tenant}'s template, replacing the one it had; the version counts saves. */
    public Uni<StoredTemplate> save(String tenant, MessageKind kind, Language language, TemplateText text,
            String by) {
        return pool.preparedQuery("""
                insert into message_template (id, tenant, kind, language, subject, body, updated_by)
                values ($1, $2, $3, $4, $5, $6, $7)
                on conflict (tenant, kind, language) do update
                set subject = excluded.subject, body = excluded.body, updated_by = excluded.updated_by,
                    updated_at = now(), version = message_template.version + 1
                returning\s""" + COLUMNS)
                .execute(Tuple.from(List.of(UUID.randomUUID(), tenant, kind.wireName(), language.wireName(),
                        text.subject(), text.body(), by)))
                .map(rows -> template(rows.iterator().next()));
    }

    /** Drops {@code tenant}'s template, so Vigil's is used again; false when it had none. */
    public Uni<Boolean> delete(String tenant, MessageKind kind, Language language) {
        return pool.preparedQuery("delete from message_template where tenant = $1 and kind = $2 and language = $3")
                .execute(Tuple.of(tenant, kind.wireName(), language.wireName()))
                .map(rows -> rows.rowCount() > 0);
    }

    private static Optional<StoredTemplate> first(RowSet<Row> rows) {
        return rows.size() == 0 ? Optional.empty() : Optional.of(template(rows.iterator().next()));
    }

    /** Kinds and languages are checked before they are stored. */
    private static StoredTemplate template(Row row) {
        return new StoredTemplate(row.getUUID("id"), row.getString("tenant"),
                MessageKind.fromWire(row.getString("kind")).orElseThrow(),
                Language.fromWire(row.getString("language")).orElseThrow(),
                new TemplateText(row.getString("subject"), row.getString("body")), row.getInteger("version"),
                row.getOffsetDateTime("created_at").toInstant(), row.getString("updated_by"),
                row.getOffsetDateTime("updated_at").toInstant());
    }
}
