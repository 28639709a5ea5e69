package dev.vigil.triage;

import dev.vigil.contracts.Alert;
import dev.vigil.contracts.IncidentChange;
import dev.vigil.contracts.IncidentEvent;
import dev.vigil.contracts.Severity;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A failure as the operator sees it: repeated alerts of one fingerprint, counted, until it recovers. */
public record Incident(
        UUID id,
        String tenant,
        String fingerprint,
        IncidentStatus status,
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

    public static Incident openedBy(UUID id, Alert alert) {
        return new Incident(id, alert.tenant(), alert.fingerprint(), IncidentStatus.OPEN, alert.source(),
                alert.resource(), alert.check(), alert.severity(), alert.summary(), alert.labels(), 1,
                alert.observedAt(), alert.observedAt(), null);
    }

    public IncidentKey key() {
        return new IncidentKey(tenant, fingerprint);
    }

    public boolean isOpen() {
        return status == IncidentStatus.OPEN;
    }

    /** Another firing alert: one more occurrence; the latest severity and summary describe it now. */
    public Incident recordOccurrence(Alert alert) {
        Instant lastSeen = alert.observedAt().isAfter(lastSeenAt) ? alert.observedAt() : lastSeenAt;
        return new Incident(id, tenant, fingerprint, status, source, resource, check, alert.severity(),
                alert.summary(), alert.labels(), occurrences + 1, openedAt, lastSeen, resolvedAt);
    }

    public Incident resolve(Alert recovery) {
        return new Incident(id, tenant, fingerprint, IncidentStatus.RESOLVED, source, resource, check, severity,
                summary, labels, occurrences, openedAt, lastSeenAt, recovery.observedAt());
    }

    public IncidentEvent event(UUID eventId, IncidentChange change) {
        return new IncidentEvent(eventId, change, tenant, id, fingerprint, source, resource, check, severity, summary,
                labels, occurrences, openedAt, lastSeenAt, resolvedAt);
    }
}
