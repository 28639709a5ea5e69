package dev.vigil.ingest;

import dev.vigil.contracts.Alert;
import dev.vigil.platform.validation.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * Event ids of accepted alerts. Each acceptance is a new occurrence, so ids are random, unless the probe sends
 * an {@code Idempotency-Key}: then the ids derive from tenant, key, position and the alert's content, a retried
 * request republishes the same ids, and triage's inbox counts it once. The content is part of the id so that a
 * key reused for a different body cannot silently drop alerts: a changed alert gets a new id and is counted.
 * Refusing such a reuse (422) would need a record of every key's body, a database write on the hot path.
 */
public final class AlertIds {
    public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private final String scope;
    private final boolean byPosition;

    private AlertIds(String scope, boolean byPosition) {
        this.scope = scope;
        this.byPosition = byPosition;
    }

    /** Random ids: every notification is an occurrence of its own (a sender that never resends one). */
    public static AlertIds random(String tenant) {
        return new AlertIds(null, false);
    }

    /**
     * Ids from the alert's content alone, for senders that resend a notification unchanged: Alertmanager retrying
     * or repeating a group, or both replicas of an HA pair sending it; Zabbix retrying a media type. The same alert
     * (same fingerprint, status, time observed, text) then counts once however often and in whatever group it
     * arrives; an alert that changed is a new occurrence.
     */
    public static AlertIds byContent(String tenant) {
        return new AlertIds(tenant + "\ncontent", false);
    }

    /**
     * Ids from where a probe agent's Kafka record sits ({@code topic-partition@offset}) and each alert's position
     * and content: a record consumed again after a crash or a rebalance republishes the same ids, and triage's
     * inbox counts it once.
     */
    public static AlertIds ofRecord(String tenant, String coordinates) {
        return new AlertIds(tenant + "\nrecord " + coordinates, true);
    }

    /** @param idempotencyKey the header's value, or null */
    public static AlertIds forRequest(String tenant, String idempotencyKey) {
        if (idempotencyKey == null) {
            return random(tenant);
        }
        if (!KEY.matcher(idempotencyKey).matches()) {
            throw new InvalidInputException(IDEMPOTENCY_HEADER, "must be 1-255 visible ASCII characters");
        }
        return new AlertIds(tenant + "\n" + idempotencyKey, true);
    }

    /** The normalised alerts of {@code tenant}'s {@code results}, in order, each with its id. */
    public List<Alert> alerts(String tenant, List<ProbeResult> results, Instant receivedAt) {
        return IntStream.range(0, results.size())
                .mapToObj(i -> results.get(i).toAlert(tenant, idOf(i, results.get(i)), receivedAt)).toList();
    }

    /** The id of the request's {@code index}-th alert, {@code result}. */
    public UUID idOf(int index, ProbeResult result) {
        if (scope == null) {
            return UUID.randomUUID();
        }
        String position = byPosition ? index + "\n" : "";
        return UUID.nameUUIDFromBytes((scope + "\n" + position + result.canonicalContent())
                .getBytes(StandardCharsets.UTF_8));
    }
}
