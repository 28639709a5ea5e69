package dev.vigil.triage.api;

import jakarta.validation.constraints.Size;

/** The optional body of {@code POST /v1/incidents/{id}/acknowledge}. */
public record AcknowledgeRequest(@Size(max = 2000, message = "must be at most {max} characters") String note) {
}
