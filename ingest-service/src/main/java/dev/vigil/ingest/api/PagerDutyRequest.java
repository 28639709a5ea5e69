package dev.vigil.ingest.api;

import dev.vigil.ingest.pagerduty.PagerDutyEvent;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a tool sends to PagerDuty's Events API v2 ({@code POST /v2/enqueue}), for the OpenAPI document only:
 * {@link PagerDutyEvent} reads it.
 */
@Schema(name = "PagerDutyEvent", description = "One PagerDuty Events API v2 alert event. trigger fires the alert"
        + " pagerduty:<dedup_key> (source `pagerduty`, resource payload.source, check payload.class, else"
        + " payload.component, else payload.summary; severity critical critical, error major, warning warning, info"
        + " info); resolve resolves it; acknowledge publishes nothing. component, group and class become labels;"
        + " custom_details (flattened), client, client_url, links and images annotations. Members not listed here"
        + " are ignored.", examples = PagerDutyRequest.TRIGGER)
public record PagerDutyRequest(
        @Schema(description = "The tenant's ingest key (vik_...); may be left out when sent as 'Authorization:"
                + " Bearer <ingest key>'") String routing_key,
        @Schema(required = true, enumeration = {"trigger", "acknowledge", "resolve"}) String event_action,
        @Schema(maxLength = 255, description = "Correlates a trigger with its resolve; required to acknowledge or"
                + " resolve. A trigger without one gets one derived from its content, returned in the answer")
        String dedup_key,
        @Schema(description = "Required for trigger; read if present for resolve") Payload payload,
        String client,
        String client_url,
        List<Link> links,
        List<Image> images) {

    @Schema(name = "PagerDutyPayload")
    public record Payload(
            @Schema(required = true, description = "The alert's summary, shortened to 1024 characters")
            String summary,
            @Schema(required = true, description = "The affected system: the alert's resource (shortened to 255)")
            String source,
            @Schema(required = true, enumeration = {"critical", "error", "warning", "info"}) String severity,
            @Schema(description = "ISO 8601 (offset as Z, +01:00 or +0100): the time observed; the time of receipt"
                    + " when absent or unreadable") String timestamp,
            String component,
            String group,
            @Schema(name = "class") String eventClass,
            @Schema(description = "Free-form: flattened to annotations custom_details.<name> (at most 48)")
            Map<String, Object> custom_details) {
    }

    @Schema(name = "PagerDutyLink")
    public record Link(String href, String text) {
    }

    @Schema(name = "PagerDutyImage")
    public record Image(String src, String href, String alt) {
    }

    static final String TRIGGER = """
            {
              "routing_key": "vik_your-ingest-key",
              "event_action": "trigger",
              "dedup_key": "srv01-http-5xx",
              "payload": {
                "summary": "HTTP 5xx rate above 5% on srv01.example.net",
                "source": "srv01.example.net",
                "severity": "error",
                "timestamp": "2026-11-25T03:12:45.315+0000",
                "component": "nginx",
                "group": "web-prod",
                "class": "http 5xx",
                "custom_details": {"rate": "7.2%", "load avg": 0.75}
              },
              "links": [{"href": "https://grafana.example.net/d/web", "text": "Web dashboard"}],
              "client": "Example Monitoring",
              "client_url": "https://monitoring.example.net"
            }""";

    static final String ACKNOWLEDGE = """
            {"routing_key": "vik_your-ingest-key", "event_action": "acknowledge", "dedup_key": "srv01-http-5xx"}""";

    static final String RESOLVE = """
            {"routing_key": "vik_your-ingest-key", "event_action": "resolve", "dedup_key": "srv01-http-5xx"}""";
}
