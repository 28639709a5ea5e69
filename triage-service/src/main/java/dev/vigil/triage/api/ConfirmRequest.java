package dev.vigil.triage.api;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The optional body of {@code POST /v1/incidents/{id}/confirm}. */
public record ConfirmRequest(
        @Schema(description = "Words for the customer, sent with the message that tells them")
        @Size(max = 2000, message = "must be at most {max} characters") String customerNote) {
}
