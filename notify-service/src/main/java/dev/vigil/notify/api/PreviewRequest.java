package dev.vigil.notify.api;

import dev.vigil.platform.security.TenantIds;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code POST /v1/templates/preview}: a kind and language, and either a template to try (subject and
 * body) or neither, for the tenant's current wording.
 */
public record PreviewRequest(
        @Pattern(regexp = TenantIds.REGEX, message = TenantIds.RULE) String tenant,
        @Schema(description = "The message kind", enumeration = {"confirmed", "heartbeat-missed", "progress",
                "recovered", "awaiting-decision", "escalated", "recovery-step", "endpoint-disabled",
                "handover-overdue"})
        @NotBlank(message = "is required") String kind,
        @Schema(enumeration = {"en", "ja"}) @NotBlank(message = "is required") String language,
        @Schema(description = "The body to show as its endpoint would receive it", enumeration = {"webhook", "slack",
                "email"}, defaultValue = "webhook") String channel,
        @Schema(description = CreateEndpointRequest.TIME_ZONE, defaultValue = "UTC") String timeZone,
        @Schema(description = TemplateRequest.SUBJECT + "; with body, the template to try, else the tenant's")
        @Size(max = 500, message = "must be at most {max} characters") String subject,
        @Schema(description = TemplateRequest.BODY)
        @Size(max = 10_000, message = "must be at most {max} characters") String body) {
}
