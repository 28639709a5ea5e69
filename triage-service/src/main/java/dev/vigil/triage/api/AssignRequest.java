package dev.vigil.triage.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /v1/incidents/{id}/assign}. */
public record AssignRequest(
        @NotBlank(message = "is required") @Size(max = 200, message = "must be at most {max} characters")
        String assignee,
        @Size(max = 2000, message = "must be at most {max} characters") String note) {
}
