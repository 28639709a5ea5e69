package dev.vigil.notify.api;

import dev.vigil.platform.security.TenantIds;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code PUT /v1/templates/{kind}/{language}}: a tenant's own wording of one message kind. */
public record TemplateRequest(
        @Pattern(regexp = TenantIds.REGEX, message = TenantIds.RULE) String tenant,
        @Schema(description = TemplateRequest.SUBJECT)
        @NotBlank(message = "is required") @Size(max = 500, message = "must be at most {max} characters")
        String subject,
        @Schema(description = TemplateRequest.BODY)
        @NotBlank(message = "is required") @Size(max = 10_000, message = "must be at most {max} characters")
        String body) {

    static final String SUBJECT = "Qute template of the subject line, such as `Service problem: {resource}`;"
            + " line breaks become spaces";
    static final String BODY = "Qute template of the plain-language body: what is affected, what it means for the"
            + " reader, what we are doing, when they hear from us next. Paragraphs are separated by a blank line; the"
            + " technical details follow it, written by Vigil. Facts: tenant, incidentId, resource, check, source,"
            + " severity, serious, summary, note, occurrences, openedAt, resolvedAt, duration, decisionDueAt,"
            + " escalatedAt, assignee, recoveryReported, labels; for endpoint-disabled endpointUrl,"
            + " endpointAudience, reason; for recovery-step stepTitle, stepsDone, stepsTotal, nextStep; for"
            + " handover-overdue shift, nextShift, writtenBy, acknowledgeBy, items. Sections: if, for and each"
            + " (over labels or items), let, with, when";
}
