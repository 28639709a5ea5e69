package dev.vigil.notify.api;

import dev.vigil.contracts.Audience;
import dev.vigil.contracts.Severity;
import dev.vigil.notify.Channel;
import dev.vigil.notify.Endpoint;
import dev.vigil.notify.MessageKinds;
import dev.vigil.notify.message.Language;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An endpoint as listed: never with its secret. */
@Schema(description = "An endpoint: a webhook, a chat webhook or an email address; its secret is never shown again")
public record EndpointView(UUID id, String tenant,
        @Schema(description = AUDIENCE) Audience audience,
        String url, String description, boolean enabled, Instant createdAt,
        @Schema(description = EndpointView.FAILURES) int consecutiveFailures,
        @Schema(description = EndpointView.PAUSED_UNTIL) Instant pausedUntil,
        @Schema(description = "When it was disabled; null while enabled") Instant disabledAt,
        @Schema(description = "Why it was disabled: by whom, or because its receiver answered 410 Gone; null while"
                + " enabled") String disabledReason,
        @Schema(description = "Until when the secret before the last rotation still signs each webhook, alongside"
                + " the current one; null when no rotation overlaps") Instant previousSecretUntil,
        @Schema(description = "The message kinds it hears") List<String> kinds,
        @Schema(description = "The least severity it hears of; null for every severity") Severity minSeverity,
        @Schema(description = "How it is reached") Channel channel,
        @Schema(description = CreateEndpointRequest.LANGUAGE) Language language,
        @Schema(description = CreateEndpointRequest.TIME_ZONE, examples = "Asia/Tokyo") String timeZone) {

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
                endpoint.disabledReason(), overlapEnd(endpoint),
                kinds(endpoint), endpoint.minSeverity(), endpoint.format().channel(), endpoint.format().language(),
                endpoint.format().zone().getId());
    }

    /** The kinds it hears: those it chose, or all its audience hears. */
    static List<String> kinds(Endpoint endpoint) {
        return endpoint.kinds().isEmpty() ? MessageKinds.of(endpoint.audience()) : List.copyOf(endpoint.kinds());
    }

    /** The end of a rotation's overlap still to come; an overlap that ended is history. */
    static Instant overlapEnd(Endpoint endpoint) {
        Instant until = endpoint.previousSecretUntil();
        return until != null && until.isAfter(Instant.now()) ? until : null;
    }
}
