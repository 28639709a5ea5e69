package dev.vigil.notify.store;

import dev.vigil.contracts.Audience;
import dev.vigil.contracts.Json;
import dev.vigil.contracts.Keys;
import dev.vigil.contracts.NotificationOutcome;
import dev.vigil.contracts.Topics;
import dev.vigil.notify.Attempt;
import dev.vigil.notify.Delivery;
import dev.vigil.notify.DeliveryStatus;
import dev.vigil.notify.DueDelivery;
import dev.vigil.notify.NewDelivery;
import dev.vigil.notify.secrets.SecretBox;
import dev.vigil.platform.outbox.Outbox;
import dev.vigil.platform.outbox.OutboxEntry;
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
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/** The delivery table: creating rows for a batch, claiming due ones, recording each attempt. */
@ApplicationScoped
public class DeliveryStore {
    private static final String LISTED = "id, tenant, endpoint_id, audience, incident_id, event_id, event_type, status,"
            + " attempts, last_status_code, last_error, created_at, delivered_at, replays, replayed_by, replayed_at,"
            + " replay_note";
    /** A claimed delivery: its record {@code d}, its queue row {@code q} and its endpoint {@code e}. */
    private static final String CLAIMED = "d.id, d.tenant, d.event_id, d.incident_id, d.endpoint_id, d.audience,"
            + " d.payload, q.attempts, e.url, e.secret, d.replays, e.consecutive_failures,"
            + " case when e.previous_secret_until > now() then e.previous_secret end as previous_secret";
    private static final int MAX_ERROR_LENGTH = 500;

    private final Pool pool;
    private final Outbox outbox;
    private final SecretBox box;

    public DeliveryStore(Pool pool, Outbox outbox, SecretBox box) {
        this.pool = pool;
        this.outbox = outbox;
        this.box = box;
    }

    /**
     * Inserts the rows and queues them, in one statement; a row that already exists (a replayed event) is skipped.
     */
    public Uni<Integer> insert(SqlConnection connection, List<NewDelivery> deliveries) {
        if (deliveries.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        int n = deliveries.size();
        UUID[] ids = new UUID[n];
        String[] tenants = new String[n];
        UUID[] eventIds = new UUID[n];
        String[] eventTypes = new String[n];
        UUID[] incidentIds = new UUID[n];
        UUID[] endpointIds = new UUID[n];
        String[] audiences = new String[n];
        String[] payloads = new String[n];
        for (int i = 0; i < n; i++) {
            NewDelivery d = deliveries.get(i);
            ids[i] = d.id();
            tenants[i] = d.tenant();
            eventIds[i] = d.eventId();
            eventTypes[i] = d.eventType();
            incidentIds[i] = d.incidentId();
            endpointIds[i] = d.endpointId();
            audiences[i] = d.audience().wireName();
            payloads[i] = d.payload();
        }
        return connection.preparedQuery("""
                with planned as (
                    insert into delivery (id, tenant, event_id, event_type, incident_id, endpoint_id, audience,
                                          payload)
                    select u.id, u.tenant, u.event_id, u.event_type, u.incident_id, u.endpoint_id, u.audience,
                           u.payload
                    from unnest($1::uuid[], $2::text[], $3::uuid[], $4::text[], $5::uuid[], $6::uuid[], $7::text[],
                                $8::text[])
                         with ordinality as u(id, tenant, event_id, event_type, incident_id, endpoint_id, audience,
                                              payload, n)
                    order by u.n
                    on conflict (event_id, endpoint_id) do nothing
                    returning id, endpoint_id, incident_id, seq)
                insert into delivery_queue (delivery_id, endpoint_id, incident_id, seq)
                select id, endpoint_id, incident_id, seq from planned""")
                .execute(Tuple.tuple(Arrays.asList(ids, tenants, eventIds, eventTypes, incidentIds, endpointIds,
                        audiences, payloads)))
                .map(rows -> rows.rowCount());
    }

    /**
     * Claims up to {@code limit} due deliveries for one attempt each, taking them endpoint by endpoint in turn: the
     * oldest due of every endpoint first, then the second oldest, and so on, so one endpoint's backlog cannot take
     * every free slot. An endpoint gets at most {@code perEndpoint} in flight (counting {@code inFlight}, this
     * replica's), one while its circuit is half open, and none while it is paused or disabled.
     *
     * <p>Skip-locked lets replicas claim side by side without waiting on each other; moving the queue row's
     * next_attempt_at past the lease hides a claimed delivery from every other claim until its attempt is recorded, or
     * until the lease runs out because this replica died. A delivery of an incident waits while an earlier one to the
     * same endpoint is pending. Only the queue row is written; the delivery row is read for its body.
     *
     * <p>The statement is shaped so that its plan holds whatever the planner believes of how many rows are pending:
     * it is planned while notify is idle (none pending) and reused in a burst (tens of thousands), ADR 0014.
     * <ul>
     * <li>Each endpoint's due rows are read in order from {@code delivery_queue_due} under a constant limit, so
     * an ordered index scan that stops after a few rows is always the cheapest plan; the per-endpoint share is applied
     * to the row numbers afterwards.</li>
     * <li>The rows are numbered outside that scan. Numbered inside it, the window read on past the limit through every
     * row due at the same instant (a batch's rows share one), probing each: three to four times the work.</li>
     * <li>"No earlier pending delivery of the incident" is a {@code not exists} probe per row, kept a subplan by its
     * {@code offset 0}: planned on its own, it looks up all three keys of {@code delivery_queue_in_order}. Pulled up
     * into an anti-join, it was planned from the row estimates and scanned the endpoint's whole backlog per row; as
     * {@code seq = (select ...)} it looked so selective that the planner read and sorted that backlog first.</li>
     * <li>The due index's predicate names {@code next_attempt_at < 'infinity'}, which only the due scans state, so the
     * probe cannot pick it.</li>
     * <li>The rows picked are locked and updated by their {@code ctid}, a TID scan whatever the statistics say. Looked
     * up by key, they were joined to a scan of the whole queue (600 ms a claim with 30,000 queued) once an analyze
     * taken while the queue was nearly empty made its churned primary key look dear. A row another claim moved
     * meanwhile is rechecked on its new version and skipped, as before.</li>
     * </ul>
     *
     * @param probeAfter consecutive failures that open an endpoint's circuit (see {@code vigil.notify.breaker})
     */
    public Uni<List<DueDelivery>> claimDue(int limit, Duration lease, int perEndpoint, int probeAfter,
            Map<UUID, Integer> inFlight) {
        UUID[] busy = inFlight.keySet().toArray(UUID[]::new);
        Integer[] busySlots = Arrays.stream(busy).map(inFlight::get).toArray(Integer[]::new);
        return keyedLookupsOnly(connection -> connection.preparedQuery(claimDueStatement(perEndpoint))
                .execute(Tuple.from(List.of(limit, seconds(lease), busy, busySlots, perEndpoint, probeAfter))))
                .map(this::claimed);
    }

    /**
     * The claim of {@link #claimDue}, with its parameters: $1 limit, $2 lease in seconds, $3 and $4 the endpoints with
     * deliveries in flight and how many, $5 the per-endpoint share, $6 failures that open a circuit.
     */
    static String claimDueStatement(int perEndpoint) {
        return """
                with busy as (
                    select * from unnest($3::uuid[], $4::int[]) as b(endpoint_id, in_flight)),
                turns as (
                    select due.row_at, due.next_attempt_at,
                           row_number() over (partition by e.id order by due.next_attempt_at) as turn,
                           case when e.consecutive_failures >= $6 then 1 else $5 end
                               - coalesce(busy.in_flight, 0) as free
                    from endpoint e
                    left join busy on busy.endpoint_id = e.id
                    cross join lateral (
                        select q.ctid as row_at, q.next_attempt_at
                        from delivery_queue q
                        where q.endpoint_id = e.id and q.next_attempt_at <= now() and q.next_attempt_at < 'infinity'
                          -- a notice about an endpoint belongs to no incident (null matches nothing): it waits for
                          -- nothing
                          and not exists (select 1 from delivery_queue earlier
                                          where earlier.endpoint_id = q.endpoint_id
                                            and earlier.incident_id = q.incident_id
                                            and earlier.seq < q.seq
                                          offset 0)
                        order by q.next_attempt_at
                        limit %d) due
                    where e.enabled and (e.paused_until is null or e.paused_until <= now())
                      -- an endpoint with its share in flight is not visited at all
                      and case when e.consecutive_failures >= $6 then 1 else $5 end > coalesce(busy.in_flight, 0)),
                picked as materialized (
                    select row_at from turns where turn <= free order by turn, next_attempt_at limit $1),
                claimable as (
                    select q.ctid as row_at from delivery_queue q
                    where q.ctid = any(array(select row_at from picked)) and q.next_attempt_at <= now()
                    for update of q skip locked),
                claimed as (
                    update delivery_queue q
                    set attempts = q.attempts + 1, next_attempt_at = now() + make_interval(secs => $2)
                    where q.ctid = any(array(select row_at from claimable))
                    returning q.delivery_id, q.attempts)
                """.formatted(perEndpoint) + claimedFrom("claimed");
    }

    /**
     * Claims up to {@code limit} pending deliveries planned (or sent again by hand) longer than {@code after} ago and
     * due now, to be given up without another attempt; their endpoint was paused or disabled for that long.
     */
    public Uni<List<DueDelivery>> claimExpired(Duration after, int limit) {
        return keyedLookupsOnly(connection -> connection.preparedQuery("""
                with stale as materialized (
                    select stale.row_at from endpoint e
                    cross join lateral (
                        select q.ctid as row_at from delivery_queue q
                        where q.endpoint_id = e.id and q.next_attempt_at <= now() and q.next_attempt_at < 'infinity'
                          and q.queued_at < now() - make_interval(secs => $1)
                        limit $2) stale
                    limit $2),
                expired as (
                    select q.ctid as row_at from delivery_queue q
                    where q.ctid = any(array(select row_at from stale)) and q.next_attempt_at <= now()
                    for update of q skip locked),
                leased as (
                    update delivery_queue q
                    set next_attempt_at = now() + interval '1 minute'
                    where q.ctid = any(array(select row_at from expired))
                    returning q.delivery_id, q.attempts)
                """ + claimedFrom("leased"))
                .execute(Tuple.of(seconds(after), limit)))
                .map(this::claimed);
    }

    /** Reads {@link #CLAIMED} for the queue rows a claim's {@code cte} returned (their id and attempts). */
    private static String claimedFrom(String cte) {
        return "select " + CLAIMED + " from " + cte + " q join delivery d on d.id = q.delivery_id"
                + " join endpoint e on e.id = d.endpoint_id";
    }

    /**
     * The endpoint's secret, and the one before it while its overlap lasts. A claim holds several deliveries of most
     * endpoints, so each sealed secret is opened once per claim ({@code opened}), not once per delivery.
     */
    private List<String> signingSecrets(Row row, Map<String, String> opened) {
        String secret = opened.computeIfAbsent(row.getString("secret"), box::open);
        String previous = row.getString("previous_secret");
        return previous == null ? List.of(secret) : List.of(secret, opened.computeIfAbsent(previous, box::open));
    }

    private List<DueDelivery> claimed(RowSet<Row> rows) {
        List<DueDelivery> claimed = new ArrayList<>(rows.size());
        Map<String, String> opened = new HashMap<>();
        for (Row row : rows) {
            claimed.add(new DueDelivery(row.getUUID("id"), row.getString("tenant"), row.getUUID("event_id"),
                    row.getUUID("incident_id"), row.getUUID("endpoint_id"), audience(row),
                    row.getString("payload"), row.getInteger("attempts"), row.getString("url"),
                    signingSecrets(row, opened), row.getInteger("replays"), row.getInteger("consecutive_failures")));
        }
        return claimed;
    }

    /** Records a failed attempt and when to try again; false when the claim was lost meanwhile. */
    public Uni<Boolean> reschedule(DueDelivery delivery, Attempt attempt, Duration delay) {
        return keyedLookupsOnly(connection -> connection.preparedQuery("""
                with rescheduled as (
                    update delivery_queue set next_attempt_at = now() + make_interval(secs => $3)
                    where delivery_id = $1 and attempts = $2
                    returning delivery_id)
                update delivery d
                set attempts = $2, last_attempt_at = now(), last_status_code = $4, last_error = $5
                from rescheduled
                where d.id = rescheduled.delivery_id""")
                .execute(Tuple.of(delivery.id(), delivery.attempts(), seconds(delay), statusCode(attempt),
                        error(attempt))))
                .map(rows -> rows.rowCount() == 1);
    }

    /** A delivery's last attempt, its final status and, for an incident's delivery, the outcome to publish. */
    public record Finish(DueDelivery delivery, Attempt attempt, DeliveryStatus status,
            Optional<NotificationOutcome> outcome) {
    }

    /**
     * Set in the transactions that claim, reschedule and finish deliveries: they reach queue rows by key or ctid, and
     * never read the queue through. PostgreSQL switches a statement run often to a generic plan, made once from the
     * statistics of the moment. Made while the queue held a few rows, the claim's plan scanned the whole queue for
     * each endpoint and each row it picked, and the finishing statement's for each group and each delivery's
     * successor, through later bursts of tens of thousands (ADR 0014).
     */
    static final String KEYED_LOOKUPS_ONLY = "set local enable_seqscan = off";

    /** Records a group of finished deliveries: $1 ids, $2 attempts, $3 statuses, $4 status codes, $5 errors. */
    static final String FINISH = """
                with ended as (
                    delete from delivery_queue q
                    using unnest($1::uuid[], $2::int[]) as u(id, attempts)
                    -- id = any: look the rows up by key; a join with unnest alone was planned as a scan of the table
                    where q.delivery_id = any($1) and q.delivery_id = u.id and q.attempts = u.attempts
                    returning q.delivery_id)
                update delivery d
                set status = u.status, attempts = u.attempts, last_attempt_at = now(), last_status_code = u.code,
                    last_error = u.error,
                    delivered_at = case when u.status = 'delivered' then now() end,
                    failed_at = case when u.status = 'failed' then now() end
                from ended, unnest($1::uuid[], $2::int[], $3::text[], $4::int[], $5::text[])
                     as u(id, attempts, status, code, error)
                where d.id = any($1) and d.id = ended.delivery_id and d.id = u.id
                -- the statement still sees the queue rows it deletes: a delivery's own row is not its successor
                returning d.id, exists (select 1 from delivery_queue later
                                        where later.endpoint_id = d.endpoint_id and later.incident_id = d.incident_id
                                          and later.delivery_id <> d.id) as next_waiting""";

    /** Runs {@code work} in a transaction that reaches queue rows by key or ctid only ({@link #KEYED_LOOKUPS_ONLY}). */
    private <T> Uni<T> keyedLookupsOnly(Function<SqlConnection, Uni<T>> work) {
        return pool.withTransaction(connection -> connection.query(KEYED_LOOKUPS_ONLY).execute()
                .chain(() -> work.apply(connection)));
    }

    /** What recording a finished delivery found. */
    public enum Recorded {
        /** its claim was lost meanwhile (its lease ran out and another replica claimed it): it was left alone. */
        LOST,
        /** recorded. */
        FINISHED,
        /** recorded, and a later delivery of its incident to its endpoint waits in the queue, claimable now. */
        FINISHED_NEXT_WAITING
    }

    /**
     * Records the last attempts, final statuses and outcome events of many deliveries in one transaction, so an
     * outcome is published exactly when its status changed, and a busy dispatcher pays for one commit, not one per
     * delivery.
     *
     * @return what was recorded of each delivery, by its id
     */
    public Uni<Map<UUID, Recorded>> finish(List<Finish> finishes) {
        int n = finishes.size();
        UUID[] ids = new UUID[n];
        Integer[] attempts = new Integer[n];
        String[] statuses = new String[n];
        Integer[] codes = new Integer[n];
        String[] errors = new String[n];
        for (int i = 0; i < n; i++) {
            Finish finish = finishes.get(i);
            ids[i] = finish.delivery().id();
            attempts[i] = finish.delivery().attempts();
            statuses[i] = finish.status().wireName();
            codes[i] = statusCode(finish.attempt());
            errors[i] = error(finish.attempt());
        }
        return keyedLookupsOnly(connection -> connection.preparedQuery(FINISH)
                .execute(Tuple.from(List.of(ids, attempts, statuses, codes, errors)))
                .chain(rows -> {
                    Map<UUID, Recorded> recorded = new HashMap<>();
                    finishes.forEach(finish -> recorded.put(finish.delivery().id(), Recorded.LOST));
                    rows.forEach(row -> recorded.put(row.getUUID("id"), row.getBoolean("next_waiting")
                            ? Recorded.FINISHED_NEXT_WAITING : Recorded.FINISHED));
                    List<OutboxEntry> outcomes = finishes.stream()
                            .filter(finish -> recorded.get(finish.delivery().id()) != Recorded.LOST)
                            .flatMap(finish -> finish.outcome().stream())
                            .map(DeliveryStore::outboxEntry).toList();
                    return outbox.append(connection, outcomes).replaceWith(recorded);
                }));
    }

    /**
     * Gives up every pending delivery to an endpoint, in the caller's transaction, each with its failed outcome. A
     * delivery in flight meanwhile keeps its answer to itself: its attempt finds it no longer pending.
     */
    public Uni<Void> failPending(SqlConnection connection, UUID endpointId, String reason) {
        return connection.preparedQuery("""
                with q as (
                    delete from delivery_queue where endpoint_id = $1
                    returning delivery_id, attempts)
                update delivery d set status = 'failed', attempts = q.attempts, failed_at = now(), last_error = $2
                from q, endpoint e
                where d.id = q.delivery_id and e.id = d.endpoint_id
                returning\s""" + CLAIMED)
                .execute(Tuple.of(endpointId, reason))
                .map(this::claimed)
                .chain(failed -> outbox.append(connection, failed.stream()
                        .flatMap(delivery -> delivery.outcome(NotificationOutcome.Result.FAILED, 0, Instant.now())
                                .stream())
                        .map(DeliveryStore::outboxEntry).toList()))
                .replaceWithVoid();
    }

    /** What became of a request to send a failed delivery again. */
    public enum Replay {
        /** it is pending again, due now, with a fresh budget of attempts. */
        REPLAYED,
        /** the scope has no such delivery. */
        NOT_FOUND,
        /** it has not failed: it is pending or delivered. */
        NOT_FAILED,
        /** its endpoint is disabled or deleted: enable it first, or the delivery would only wait. */
        ENDPOINT_DISABLED
    }

    /**
     * Makes a failed delivery of the scope pending again, due now, with its attempts counted afresh. It keeps its
     * id, so the receiver sees the same {@code webhook-id} and body as before and can drop a copy it already has.
     * Who asked, when and why is kept with it.
     */
    public Uni<Replay> replay(TenantScope scope, Optional<Audience> audience, UUID id, String by, String note) {
        return find(scope, audience, id).chain(found -> {
            if (found.isEmpty()) {
                return Uni.createFrom().item(Replay.NOT_FOUND);
            }
            if (found.get().status() != DeliveryStatus.FAILED) {
                return Uni.createFrom().item(Replay.NOT_FAILED);
            }
            // fenced on the status: of two replays at once, one wins and the other finds it no longer failed
            return pool.preparedQuery("""
                    with replayed as (
                        update delivery d set status = 'pending', attempts = 0, failed_at = null,
                            replays = replays + 1, replayed_by = $2, replayed_at = now(), replay_note = $3
                        from endpoint e
                        where d.id = $1 and d.status = 'failed' and e.id = d.endpoint_id and e.enabled
                        returning d.id, d.endpoint_id, d.incident_id, d.seq)
                    insert into delivery_queue (delivery_id, endpoint_id, incident_id, seq)
                    select id, endpoint_id, incident_id, seq from replayed""")
                    .execute(Tuple.of(id, by, note))
                    .chain(updated -> updated.rowCount() == 1 ? Uni.createFrom().item(Replay.REPLAYED)
                            : pool.preparedQuery("select enabled from endpoint where id = $1")
                                    .execute(Tuple.of(found.get().endpointId()))
                                    .map(rows -> rows.iterator().next().getBoolean("enabled")
                                            ? Replay.NOT_FAILED : Replay.ENDPOINT_DISABLED));
        });
    }

    /** One delivery of the scope, of {@code audience} when given. */
    public Uni<Optional<Delivery>> find(TenantScope scope, Optional<Audience> audience, UUID id) {
        ScopedQuery query = ScopedQuery.select("select " + LISTED + " from delivery", "tenant", scope);
        query.where("id = ?", id);
        audience.ifPresent(only -> query.where("audience = ?", only.wireName()));
        return pool.preparedQuery(query.sql()).execute(query.arguments())
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(delivery(rows.iterator().next())));
    }

    /**
     * A page of the scope's deliveries, newest first: only those to endpoints of {@code audience} when given, and
     * optionally of one incident.
     */
    public Uni<Page<Delivery>> list(TenantScope scope, Optional<Audience> audience, Optional<UUID> incidentId,
            PageRequest<UUID> page) {
        ScopedQuery query = ScopedQuery.select("""
                select %s from delivery""".formatted(LISTED), "tenant", scope);
        audience.ifPresent(only -> query.where("audience = ?", only.wireName()));
        incidentId.ifPresent(id -> query.where("incident_id = ?", id));
        query.page("created_at", "id", page);
        return pool.preparedQuery(query.sql()).execute(query.arguments())
                .map(rows -> {
                    List<Delivery> deliveries = new ArrayList<>(rows.size());
                    rows.forEach(row -> deliveries.add(delivery(row)));
                    return Page.of(deliveries, page, delivery -> new Keyset<>(delivery.createdAt(), delivery.id()));
                });
    }

    private static OutboxEntry outboxEntry(NotificationOutcome outcome) {
        return new OutboxEntry(outcome.eventId(), Topics.NOTIFICATIONS,
                Keys.incident(outcome.tenant(), outcome.incidentId()), outcome.result().eventType(), outcome.tenant(),
                Json.write(outcome));
    }

    private static Delivery delivery(Row row) {
        OffsetDateTime deliveredAt = row.getOffsetDateTime("delivered_at");
        OffsetDateTime replayedAt = row.getOffsetDateTime("replayed_at");
        return new Delivery(row.getUUID("id"), row.getString("tenant"), row.getUUID("endpoint_id"), audience(row),
                row.getUUID("incident_id"), row.getUUID("event_id"), row.getString("event_type"),
                DeliveryStatus.fromWire(row.getString("status")),
                row.getInteger("attempts"), row.getInteger("last_status_code"), row.getString("last_error"),
                row.getOffsetDateTime("created_at").toInstant(), deliveredAt == null ? null : deliveredAt.toInstant(),
                row.getInteger("replays"), row.getString("replayed_by"),
                replayedAt == null ? null : replayedAt.toInstant(), row.getString("replay_note"));
    }

    /** The column's check constraint admits only wire names. */
    private static Audience audience(Row row) {
        return Audience.fromWire(row.getString("audience")).orElseThrow();
    }

    private static Integer statusCode(Attempt attempt) {
        return attempt.statusCode() == 0 ? null : attempt.statusCode();
    }

    private static String error(Attempt attempt) {
        String error = attempt.error();
        return error == null || error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH);
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
