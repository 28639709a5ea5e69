package dev.vigil.notify.api;

import dev.vigil.notify.EndpointUrl;
import dev.vigil.platform.security.TenantIds;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code POST /v1/endpoints}. A customer may leave {@code tenant} out (its token names one); staff name
 * one of the tenants their token lists ({@link dev.vigil.platform.security.CallerScope#forWrite}). {@code audience}
 * is text rather than the enum, so that a number is refused rather than read as the enum's position, and
 * {@link AudienceAccess} names the field when it is unknown.
 */
public record CreateEndpointRequest(
        @Pattern(regexp = TenantIds.REGEX, message = TenantIds.RULE) String tenant,
        @NotBlank(message = "is required")
        @Size(max = EndpointUrl.MAX_LENGTH, message = "must be at most {max} characters")
        String url,
        @Size(max = 500, message = "must be at most {max} characters") String description,
        @Schema(description = "Who reads this endpoint: the customer (confirmed incidents and their recovery), or the"
                + " MSP's operators (incidents awaiting a decision) or supervisors (escalations). Customer tokens may"
                + " register customer endpoints only",
                enumeration = {"customer", "operators", "supervisors"}, defaultValue = "customer")
        String audience,
        @Schema(description = KINDS) List<String> kinds,
        @Schema(description = MIN_SEVERITY, enumeration = {"critical", "major", "minor", "warning", "info"})
        String minSeverity) {

    static final String KINDS = "The message kinds it wants, of those its audience hears: incident.confirmed and"
            + " incident.resolved for a customer, incident.awaiting-decision for operators, incident.escalated for"
            + " supervisors, and endpoint.disabled for both staff audiences. All of them when left out";
    static final String MIN_SEVERITY = "The least severity it wants to hear of (critical is the most severe, info the"
            + " least); every severity when left out. An incident without a severity is always sent";
}
