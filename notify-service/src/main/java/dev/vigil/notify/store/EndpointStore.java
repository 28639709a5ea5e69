package dev.vigil.notify.store;

import dev.vigil.contracts.Audience;
import dev.vigil.contracts.Severity;
import dev.vigil.notify.Channel;
import dev.vigil.notify.Endpoint;
import dev.vigil.notify.EndpointChange;
import dev.vigil.notify.Recipient;
import dev.vigil.notify.message.Format;
import dev.vigil.notify.message.Language;
import dev.vigil.notify.secrets.SecretBox;
import dev.vigil.platform.paging.Keyset;
import dev.vigil.platform.paging.Page;
import dev.vigil.platform.paging.PageRequest;
import dev.vigil.platform.security.TenantScope;
import dev.vigil.platform.store.ScopedQuery;
import dev.vigil.platform.store.UniqueViolation;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The endpoint table; every read is scoped to the caller's tenants, and to the audiences it may see. Secrets are
 * sealed ({@link SecretBox}) on the way in and opened on the way out: the table holds none in the clear.
 */
@ApplicationScoped
public class EndpointStore {
    private static final String COLUMNS = "id, tenant, audience, url, description, secret, enabled, created_at,"
            + " consecutive_failures, paused_until, disabled_at, disabled_reason, previous_secret, previous_secret_until,"
            + " kinds, min_severity, channel, language, time_zone";

    private final Pool pool;
    private final SecretBox box;

    public EndpointStore(Pool pool, SecretBox box) {
        this.pool = pool;
        this.box = box;
    }

    /** Stores a new endpoint; empty when the tenant already has one with this URL. */
    public Uni<Optional<Endpoint>> insert(UUID id, String tenant, Audience audience, String url, String description,
            String secret, Set<String> kinds, Severity minSeverity, Format format) {
        return pool.preparedQuery("""
                insert into endpoint (id, tenant, audience, url, description, secret, kinds, min_severity, channel,
                                      language, time_zone)
                values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
                on conflict (tenant, url) where deleted_at is null do nothing
                returning\s""" + COLUMNS)
                .execute(Tuple.from(Arrays.asList(id, tenant, audience.wireName(), url, description, box.seal(secret),
                        kinds == null ? null : kinds.toArray(String[]::new),
                        minSeverity == null ? null : minSeverity.wireName(), format.channel().wireName(),
                        format.language().wireName(), format.zone().getId())))
                .map(this::first);
    }

    /** A page of the scope's endpoints, newest first; only those of {@code audience} when given. */
    public Uni<Page<Endpoint>> list(TenantScope scope, Optional<Audience> audience, PageRequest<UUID> page) {
        ScopedQuery query = ScopedQuery.select("select " + COLUMNS + " from endpoint", "tenant", scope)
                .where("deleted_at is null");
        audience.ifPresent(only -> query.where("audience = ?", only.wireName()));
        query.page("created_at", "id", page);
        return pool.preparedQuery(query.sql()).execute(query.arguments())
                .map(rows -> {
                    List<Endpoint> endpoints = new ArrayList<>(rows.size());
                    rows.forEach(row -> endpoints.add(endpoint(row)));
                    return Page.of(endpoints, page, endpoint -> new Keyset<>(endpoint.createdAt(), endpoint.id()));
                });
    }

    /** The endpoint {@code id} if it is in the scope and, when {@code audience} is given, of that audience. */
    public Uni<Optional<Endpoint>> find(TenantScope scope, Optional<Audience> audience, UUID id) {
        ScopedQuery query = ScopedQuery.select("select " + COLUMNS + " from endpoint", "tenant", scope)
                .where("id = ?", id).where("deleted_at is null");
        audience.ifPresent(only -> query.where("audience = ?", only.wireName()));
        return pool.preparedQuery(query.sql()).execute(query.arguments()).map(this::first);
    }

    /**
     * Applies a change a person asked for to a live endpoint: a new url, description or enabled flag, each only when
     * given. Enabling clears why it was disabled and closes its circuit; disabling records {@code by}.
     *
     * @return the endpoint as changed; empty when there is no such live endpoint (found before, deleted meanwhile)
     * @throws io.vertx.pgclient.PgException with SQL state 23505 when the tenant has another endpoint with the url
     */
    public Uni<Optional<Endpoint>> update(UUID id, EndpointChange change, String by) {
        return pool.preparedQuery("""
                update endpoint
                set url = coalesce($2, url),
                    description = case when $3::text is null then description else nullif(btrim($3), '') end,
                    enabled = coalesce($4, enabled),
                    disabled_at = case when $4 then null when not $4 and enabled then now() else disabled_at end,
                    disabled_reason = case when $4 then null when not $4 and enabled then $5
                                           else disabled_reason end,
                    consecutive_failures = case when $4 then 0 else consecutive_failures end,
                    paused_until = case when $4 then null else paused_until end,
                    kinds = coalesce($6::text[], kinds),
                    min_severity = coalesce($7, min_severity),
                    language = coalesce($8, language),
                    time_zone = coalesce($9, time_zone)
                where id = $1 and deleted_at is null
                returning\s""" + COLUMNS)
                .execute(Tuple.from(Arrays.asList(id, change.url(), change.description(), change.enabled(),
                        "disabled by " + by, change.kinds() == null ? null : change.kinds().toArray(String[]::new),
                        change.minSeverity() == null ? null : change.minSeverity().wireName(),
                        change.language() == null ? null : change.language().wireName(),
                        change.zone() == null ? null : change.zone().getId())))
                .map(this::first);
    }

    /**
     * Disables a live, enabled endpoint for {@code reason} (its receiver answered 410 Gone), in the caller's
     * transaction; empty when it was already disabled or deleted, so the staff are told once.
     */
    public Uni<Optional<Endpoint>> disable(SqlConnection connection, UUID id, String reason) {
        return connection.preparedQuery("""
                update endpoint set enabled = false, disabled_at = now(), disabled_reason = $2
                where id = $1 and enabled and deleted_at is null
                returning\s""" + COLUMNS)
                .execute(Tuple.of(id, reason))
                .map(this::first);
    }

    /**
     * Deletes a live endpoint of the scope, in the caller's transaction: it is no longer listed and nothing more is
     * planned for or sent to it. The row stays, so its deliveries stay listed.
     *
     * @return false when the scope has no such live endpoint
     */
    public Uni<Boolean> delete(SqlConnection connection, TenantScope scope, Optional<Audience> audience, UUID id) {
        ScopedQuery found = ScopedQuery.select("select id from endpoint", "tenant", scope)
                .where("id = ?", id).where("deleted_at is null");
        audience.ifPresent(only -> found.where("audience = ?", only.wireName()));
        return connection.preparedQuery(found.sql() + " for update").execute(found.arguments())
                .chain(rows -> rows.size() == 0
                        ? Uni.createFrom().item(false)
                        : connection.preparedQuery("update endpoint set deleted_at = now(), enabled = false"
                                + " where id = $1").execute(Tuple.of(id)).replaceWith(true));
    }

    /** The enabled endpoints of each of {@code tenants}, in one query for a whole batch of events. */
    public Uni<Map<String, List<Recipient>>> enabledByTenant(SqlConnection connection, Set<String> tenants) {
        if (tenants.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return connection.preparedQuery(
                "select tenant, id, audience, kinds, min_severity, channel, language, time_zone from endpoint"
                        + " where enabled and tenant = any($1) order by id")
                .execute(Tuple.of(tenants.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, List<Recipient>> byTenant = new HashMap<>();
                    rows.forEach(row -> byTenant.computeIfAbsent(row.getString("tenant"), t -> new ArrayList<>())
                            .add(new Recipient(row.getUUID("id"), audience(row), kinds(row), minSeverity(row),
                                    format(row))));
                    return byTenant;
                });
    }

    /**
     * Counts one more failed attempt in a row against the endpoint and, from the {@code threshold}-th on, pauses it
     * for {@code pause}, doubled for each failure beyond the threshold, at most {@code maxPause}.
     *
     * @return when the endpoint is now paused until, or empty when it is not paused (or no longer exists)
     */
    public Uni<Optional<Instant>> recordFailure(UUID id, int threshold, Duration pause, Duration maxPause) {
        return pool.preparedQuery("""
                update endpoint
                set consecutive_failures = consecutive_failures + 1,
                    paused_until = case when consecutive_failures + 1 >= $2
                        then now() + least(make_interval(secs => $4),
                                           make_interval(secs => $3) * power(2, least(consecutive_failures + 1 - $2, 30)))
                        else paused_until end
                where id = $1
                returning paused_until""")
                .execute(Tuple.of(id, threshold, seconds(pause), seconds(maxPause)))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return Optional.<Instant>empty();
                    }
                    OffsetDateTime until = rows.iterator().next().getOffsetDateTime("paused_until");
                    return Optional.ofNullable(until).map(OffsetDateTime::toInstant);
                });
    }

    /** Closes the endpoint's circuit: it answered. */
    public Uni<Void> recordSuccess(UUID id) {
        return pool.preparedQuery("""
                update endpoint set consecutive_failures = 0, paused_until = null
                where id = $1 and consecutive_failures > 0""")
                .execute(Tuple.of(id)).replaceWithVoid();
    }

    /**
     * Gives a live endpoint {@code secret}, keeping the one it had to sign alongside for {@code overlap}; a secret
     * still in an earlier overlap is dropped.
     */
    public Uni<Optional<Endpoint>> rotateSecret(UUID id, String secret, Duration overlap) {
        return pool.preparedQuery("""
                update endpoint
                set previous_secret = secret, previous_secret_until = now() + make_interval(secs => $3),
                    secret = $2
                where id = $1 and deleted_at is null
                returning\s""" + COLUMNS)
                .execute(Tuple.of(id, box.seal(secret), seconds(overlap)))
                .map(this::first);
    }

    private static Set<String> kinds(Row row) {
        String[] kinds = row.getArrayOfStrings("kinds");
        return kinds == null ? Set.of() : new LinkedHashSet<>(Arrays.asList(kinds));
    }

    /** The column's check constraint admits only wire names. */
    private static Severity minSeverity(Row row) {
        String severity = row.getString("min_severity");
        return severity == null ? null : Severity.fromWire(severity).orElseThrow();
    }

    private static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }

    /** The failure of {@link #update}: the tenant has another live endpoint with the url. */
    public static boolean urlTaken(Throwable failure) {
        return UniqueViolation.causedBy(failure);
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    private Optional<Endpoint> first(RowSet<Row> rows) {
        return rows.size() == 0 ? Optional.empty() : Optional.of(endpoint(rows.iterator().next()));
    }

    private Endpoint endpoint(Row row) {
        OffsetDateTime pausedUntil = row.getOffsetDateTime("paused_until");
        OffsetDateTime disabledAt = row.getOffsetDateTime("disabled_at");
        String previous = row.getString("previous_secret");
        return new Endpoint(row.getUUID("id"), row.getString("tenant"), audience(row), row.getString("url"),
                row.getString("description"), box.open(row.getString("secret")), row.getBoolean("enabled"),
                row.getOffsetDateTime("created_at").toInstant(), row.getInteger("consecutive_failures"),
                pausedUntil == null ? null : pausedUntil.toInstant(),
                disabledAt == null ? null : disabledAt.toInstant(), row.getString("disabled_reason"),
                previous == null ? null : box.open(previous), instant(row.getOffsetDateTime("previous_secret_until")),
                kinds(row), minSeverity(row), format(row));
    }

    /** The columns' check constraints admit only wire names; zones are checked before they are stored. */
    private static Format format(Row row) {
        return new Format(Channel.fromWire(row.getString("channel")).orElseThrow(),
                Language.fromWire(row.getString("language")).orElseThrow(), ZoneId.of(row.getString("time_zone")));
    }

    /** The column's check constraint admits only wire names. */
    private static Audience audience(Row row) {
        return Audience.fromWire(row.getString("audience")).orElseThrow();
    }
}
