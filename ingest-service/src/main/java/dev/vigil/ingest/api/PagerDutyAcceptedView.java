package dev.vigil.ingest.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The 202 answer of the PagerDuty input, PagerDuty's own, so that a tool written for PagerDuty reads it unchanged. */
@Schema(name = "PagerDutyAccepted")
public record PagerDutyAcceptedView(
        @Schema(required = true, examples = "success") String status,
        @Schema(required = true, examples = "Event processed") String message,
        @Schema(required = true, description = "The event's dedup_key: as sent, or the one Vigil generated for a"
                + " trigger without one; send it with the resolve", examples = "srv01-http-5xx")
        @JsonProperty("dedup_key") String dedupKey) {

    static PagerDutyAcceptedView of(String dedupKey) {
        return new PagerDutyAcceptedView("success", "Event processed", dedupKey);
    }
}
