package dev.vigil.triage.api;

import dev.vigil.contracts.Severity;
import dev.vigil.triage.Incident;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An incident as the operator API shows it. */
@Schema(description = "One failure of one resource, however many alerts reported it")
public record IncidentView(
        UUID id,
        String tenant,
        @Schema(description = "open, or resolved once a resolved alert arrived") String status,
        @Schema(description = "What makes alerts the same failure: the probe's, or derived from source, resource,"
                + " check and labels") String fingerprint,
        String source,
        String resource,
        String check,
        Severity severity,
        String summary,
        Map<String, String> labels,
        @Schema(description = "How many alerts reported it") long occurrences,
        Instant openedAt,
        Instant lastSeenAt,
        @Schema(description = "When it was resolved; null while open") Instant resolvedAt) {

    static IncidentView of(Incident incident) {
        return new IncidentView(incident.id(), incident.tenant(), incident.status().wireName(), incident.fingerprint(), incident.source(),
                incident.resource(), incident.check(), incident.severity(), incident.summary(), incident.labels(),
                incident.occurrences(), incident.openedAt(), incident.lastSeenAt(), incident.resolvedAt());
    }
}
