package dev.vigil.notify.api;

import dev.vigil.contracts.Audience;
import dev.vigil.contracts.Severity;
import dev.vigil.notify.Endpoint;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to creating an endpoint: the only time its signing secret is shown. */
@Schema(description = "A new webhook endpoint with its signing secret, which no later answer shows")
public record CreatedEndpointView(UUID id, String tenant,
        @Schema(description = EndpointView.AUDIENCE) Audience audience,
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
        @Schema(description = "Signs every delivery the Standard Webhooks way (webhook-signature: v1,<HMAC-SHA256>);"
                + " keep it to verify them") String secret) {

    static CreatedEndpointView of(Endpoint endpoint) {
        return new CreatedEndpointView(endpoint.id(), endpoint.tenant(), endpoint.audience(), endpoint.url(),
                endpoint.description(), endpoint.enabled(), endpoint.createdAt(),
                endpoint.consecutiveFailures(), endpoint.pausedUntil(), endpoint.disabledAt(),
                endpoint.disabledReason(), EndpointView.overlapEnd(endpoint),
                EndpointView.kinds(endpoint), endpoint.minSeverity(), endpoint.secret());
    }
}
