package dev.vigil.contracts;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * An incident's lifecycle event on {@link Topics#INCIDENTS}: opened, updated (occurrence count grew) or
 * resolved. Each event carries the incident's whole current picture so consumers need no lookup.
 */
public record IncidentEvent(
        UUID eventId,
        IncidentChange change,
        String tenant,
        UUID incidentId,
        String fingerprint,
        String source,
        String resource,
        String check,
        Severity severity,
        String summary,
        Map<String, String> labels,
        long occurrences,
        Instant openedAt,
        Instant lastSeenAt,
        Instant resolvedAt) implements ConsumedEvent {

    public IncidentEvent {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }

    public String eventType() {
        return change.eventType();
    }

    /** The first field every consumer needs that this event lacks, if any (a poison record's reason). */
    @Override
    public Optional<String> missingField() {
        if (incidentId == null) {
            return Optional.of("incidentId");
        }
        return change == null ? Optional.of("change") : Optional.empty();
    }
}
