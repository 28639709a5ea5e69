package dev.vigil.triage.api;

import dev.vigil.contracts.Severity;
import dev.vigil.triage.Incident;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** An incident as the operator API shows it. */
public record IncidentView(
        UUID id,
        String tenant,
        String status,
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
        Instant resolvedAt) {

    static IncidentView of(Incident incident) {
        return new IncidentView(incident.id(), incident.tenant(), incident.status().wireName(), incident.fingerprint(), incident.source(),
                incident.resource(), incident.check(), incident.severity(), incident.summary(), incident.labels(),
                incident.occurrences(), incident.openedAt(), incident.lastSeenAt(), incident.resolvedAt());
    }
}
