package dev.vigil.triage.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /v1/incidents/{id}/dismiss}. */
public record DismissRequest(
        @Schema(description = "noise, duplicate, planned-work, false-positive or other", required = true,
                enumeration = {"noise", "duplicate", "planned-work", "false-positive", "other"})
        @NotBlank(message = "is required") String reason,
        @Size(max = 2000, message = "must be at most {max} characters") String note,
        @Schema(description = "Ask for a rule that would have kept this incident away; the noise report lists it")
        Boolean suggestRule) {
}
