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
                + " MSP's operators (incidents awaiting a decision) or supervisors (escalations, overdue handovers)."
                + " Customer tokens may"
                + " register customer endpoints only",
                enumeration = {"customer", "operators", "supervisors"}, defaultValue = "customer")
        String audience,
        @Schema(description = KINDS) List<String> kinds,
        @Schema(description = MIN_SEVERITY, enumeration = {"critical", "major", "minor", "warning", "info"})
        String minSeverity,
        @Schema(description = "How it is reached: webhook (a signed JSON POST), slack (a Slack-compatible incoming"
                + " webhook, sent Block Kit) or email (url mailto:<address>, through the MSP's SMTP relay). It cannot"
                + " change later", enumeration = {"webhook", "slack", "email"}, defaultValue = "webhook")
        String channel,
        @Schema(description = LANGUAGE, enumeration = {"en", "ja"}, defaultValue = "en") String language,
        @Schema(description = TIME_ZONE, defaultValue = "UTC", examples = "Asia/Tokyo") String timeZone) {

    static final String LANGUAGE = "The language its messages are written in";
    static final String TIME_ZONE = "The IANA time zone its messages give times in";

    static final String KINDS = "The message kinds it wants, of those its audience hears: incident.confirmed,"
            + " incident.progress (each recovery step they follow is done; the service is back and the runbook is"
            + " being finished) and incident.resolved for a customer, incident.awaiting-decision for operators,"
            + " incident.escalated and handover.overdue (shift handover items nobody took over) for supervisors,"
            + " and endpoint.disabled for both staff audiences. All of them when left out";
    static final String MIN_SEVERITY = "The least severity it wants to hear of (critical is the most severe, info the"
            + " least); every severity when left out. An incident without a severity is always sent";
}
