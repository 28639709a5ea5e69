package dev.vigil.notify;

import dev.vigil.contracts.IncidentEvent;
import dev.vigil.contracts.Json;
import dev.vigil.contracts.Severity;
import java.time.Instant;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The body a customer's endpoint receives, in the Standard Webhooks shape ({@code type}, {@code timestamp},
 * {@code data}). Customers hear when an incident opens and when it is resolved; updates (one more occurrence)
 * are operator detail and send nothing.
 */
public record WebhookPayload(String type, Instant timestamp, Data data) {
    public static final String INCIDENT_OPENED = "incident.opened";
    public static final String INCIDENT_RESOLVED = "incident.resolved";

    public record Data(
            UUID incidentId,
            String tenant,
            String resource,
            String check,
            String source,
            Severity severity,
            String summary,
            long occurrences,
            Instant openedAt,
            Instant resolvedAt,
            SortedMap<String, String> labels,
            String message) {
    }

    /** The webhook for {@code event}, or empty when customers are not told about this kind of change. */
    public static Optional<WebhookPayload> of(IncidentEvent event) {
        return switch (event.change()) {
            case OPENED -> Optional.of(build(INCIDENT_OPENED, event.openedAt(), event, openedMessage(event)));
            case RESOLVED -> Optional.of(build(INCIDENT_RESOLVED,
                    event.resolvedAt() != null ? event.resolvedAt() : event.lastSeenAt(), event,
                    resolvedMessage(event)));
            case UPDATED -> Optional.empty();
        };
    }

    public String toJson() {
        return Json.write(this);
    }

    private static WebhookPayload build(String type, Instant timestamp, IncidentEvent e, String message) {
        // sorted labels: the same event always yields the same bytes
        Data data = new Data(e.incidentId(), e.tenant(), e.resource(), e.check(), e.source(), e.severity(),
                e.summary(), e.occurrences(), e.openedAt(), e.resolvedAt(), new TreeMap<>(e.labels()), message);
        return new WebhookPayload(type, timestamp, data);
    }

    private static String openedMessage(IncidentEvent e) {
        String severity = e.severity() == null ? "" : " (" + e.severity().wireName() + ")";
        return subject(e) + ": the " + check(e) + " check is failing" + severity + ". We are looking into it.";
    }

    private static String resolvedMessage(IncidentEvent e) {
        return subject(e) + ": the " + check(e) + " check has recovered.";
    }

    private static String subject(IncidentEvent e) {
        return e.resource() == null || e.resource().isBlank() ? "A monitored system" : e.resource();
    }

    private static String check(IncidentEvent e) {
        return e.check() == null || e.check().isBlank() ? "health" : e.check();
    }
}
