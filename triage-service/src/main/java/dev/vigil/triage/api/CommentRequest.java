package dev.vigil.triage.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /v1/incidents/{id}/comments}. */
public record CommentRequest(
        @NotBlank(message = "is required") @Size(max = 10_000, message = "must be at most {max} characters")
        String text) {
}
