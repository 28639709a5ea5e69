package dev.vigil.notify.api;

import dev.vigil.notify.Attempt;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What became of a test webhook: the receiver's answer, or why there was none. */
@Schema(description = "The receiver's answer to a signed test webhook")
public record EndpointTestResult(
        @Schema(description = "The webhook-id the test was sent under") UUID webhookId,
        @Schema(description = "True when the receiver answered 2xx") boolean delivered,
        @Schema(description = "The receiver's HTTP status; null when it did not answer") Integer statusCode,
        @Schema(description = "Why it was not delivered; null when it was") String error,
        @Schema(description = "From sending to the answer, in milliseconds") long durationMillis) {

    static EndpointTestResult of(UUID webhookId, Attempt attempt, long durationMillis) {
        return new EndpointTestResult(webhookId, attempt.succeeded(),
                attempt.statusCode() == 0 ? null : attempt.statusCode(), attempt.error(), durationMillis);
    }
}
