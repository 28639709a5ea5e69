package dev.vigil.ingest;

import dev.vigil.platform.validation.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Pattern;

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

    private AlertIds(String scope) {
        this.scope = scope;
    }

    /** @param idempotencyKey the header's value, or null */
    public static AlertIds forRequest(String tenant, String idempotencyKey) {
        if (idempotencyKey == null) {
            return new AlertIds(null);
        }
        if (!KEY.matcher(idempotencyKey).matches()) {
            throw new InvalidInputException(IDEMPOTENCY_HEADER, "must be 1-255 visible ASCII characters");
        }
        return new AlertIds(tenant + "\n" + idempotencyKey);
    }

    /** The id of the request's {@code index}-th alert, {@code result}. */
    public UUID idOf(int index, ProbeResult result) {
        return scope == null ? UUID.randomUUID()
                : UUID.nameUUIDFromBytes((scope + "\n" + index + "\n" + result.canonicalContent())
                        .getBytes(StandardCharsets.UTF_8));
    }
}
