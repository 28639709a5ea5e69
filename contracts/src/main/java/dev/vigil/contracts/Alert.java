package dev.vigil.contracts;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One probe result, normalised: what ingest publishes on {@link Topics#ALERTS} whatever format it came in.
 *
 * @param eventId     minted by ingest when it accepts the result; triage's inbox dedupes on it
 * @param fingerprint identifies the failing thing (source, resource, check, labels) within the tenant
 * @param labels      identifying dimensions (they feed the fingerprint)
 * @param annotations descriptive extras (they do not)
 * @param observedAt  when the probe saw it
 * @param receivedAt  when ingest accepted it
 */
public record Alert(
        UUID eventId,
        String tenant,
        String fingerprint,
        String source,
        String resource,
        String check,
        Severity severity,
        AlertStatus status,
        String summary,
        Map<String, String> labels,
        Map<String, String> annotations,
        Instant observedAt,
        Instant receivedAt) implements ConsumedEvent {

    public Alert {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
    }

    /** The first field triage needs that this alert lacks, if any (a poison record's reason). */
    @Override
    public Optional<String> missingField() {
        if (eventId == null) {
            return Optional.of("eventId");
        }
        if (fingerprint == null || fingerprint.isBlank()) {
            return Optional.of("fingerprint");
        }
        if (severity == null || status == null || observedAt == null) {
            return Optional.of("severity, status or observedAt");
        }
        if (source == null || resource == null || check == null || summary == null) {
            return Optional.of("source, resource, check or summary");
        }
        return Optional.empty();
    }
}
