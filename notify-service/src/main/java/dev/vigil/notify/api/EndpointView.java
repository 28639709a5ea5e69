package dev.vigil.notify.api;

import dev.vigil.contracts.Audience;
import dev.vigil.notify.Endpoint;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An endpoint as listed: never with its secret. */
@Schema(description = "A webhook endpoint; its secret is never shown again")
public record EndpointView(UUID id, String tenant,
        @Schema(description = AUDIENCE) Audience audience,
        String url, String description, boolean enabled, Instant createdAt,
        @Schema(description = EndpointView.FAILURES) int consecutiveFailures,
        @Schema(description = EndpointView.PAUSED_UNTIL) Instant pausedUntil,
        @Schema(description = "When it was disabled; null while enabled") Instant disabledAt,
        @Schema(description = "Why it was disabled: by whom, or because its receiver answered 410 Gone; null while"
                + " enabled") String disabledReason,
        @Schema(description = "Until when the secret before the last rotation still signs each webhook, alongside"
                + " the current one; null when no rotation overlaps") Instant previousSecretUntil) {

    static final String AUDIENCE = "Who reads it: customer (hears of confirmed incidents and, if the tenant wants,"
            + " their recovery), operators (incidents awaiting a decision) or supervisors (escalations). Customer"
            + " tokens see customer endpoints only";

    static final String FAILURES = "Attempts in a row that found it unavailable (no answer, timeout, 408, 429 or"
            + " 5xx); enough of them pause it";
    static final String PAUSED_UNTIL = "Until when nothing is sent to it, after failures in a row (its circuit"
            + " breaker); then one delivery at a time is tried until one succeeds. Null when not paused";

    static EndpointView of(Endpoint endpoint) {
        return new EndpointView(endpoint.id(), endpoint.tenant(), endpoint.audience(), endpoint.url(),
                endpoint.description(), endpoint.enabled(), endpoint.createdAt(),
                endpoint.consecutiveFailures(), endpoint.pausedUntil(), endpoint.disabledAt(),
                endpoint.disabledReason(), overlapEnd(endpoint));
    }

    /** The end of a rotation's overlap still to come; an overlap that ended is history. */
    static Instant overlapEnd(Endpoint endpoint) {
        Instant until = endpoint.previousSecretUntil();
        return until != null && until.isAfter(Instant.now()) ? until : null;
    }
}
