package dev.vigil.triage;

import dev.vigil.contracts.Alert;
import dev.vigil.contracts.IncidentChange;
import dev.vigil.contracts.IncidentDecision;
import dev.vigil.contracts.IncidentEvent;
import dev.vigil.contracts.IncidentStatus;
import dev.vigil.contracts.Severity;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A failure as the operator sees it: repeated alerts of one fingerprint, counted, and what people decided about it,
 * until it is over.
 *
 * @param recoveredAt       when its alerts last all resolved; null while they fire. With a resolve delay the
 *                          incident stays live this long before it resolves
 * @param firstContactAt    when a message about it first reached the customer
 * @param runningExecutions runbook executions opened for it that have not ended
 */
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
        Instant resolvedAt,
        Instant recoveredAt,
        Instant firstContactAt,
        IncidentDecision decision,
        int runningExecutions) {

    public static Incident openedBy(UUID id, Alert alert) {
        return new Incident(id, alert.tenant(), alert.fingerprint(), IncidentStatus.OPEN, alert.source(),
                alert.resource(), alert.check(), alert.severity(), alert.summary(), alert.labels(), 1,
                alert.observedAt(), alert.observedAt(), null, null, null, IncidentDecision.NONE, 0);
    }

    public IncidentKey key() {
        return new IncidentKey(tenant, fingerprint);
    }

    public boolean isLive() {
        return status.isLive();
    }

    /** Its alerts are resolved, waiting out the resolve delay or a running execution. */
    public boolean isQuiet() {
        return recoveredAt != null;
    }

    /** Another firing alert: one more occurrence; the latest severity and summary describe it now. */
    public Incident recordOccurrence(Alert alert) {
        Instant lastSeen = alert.observedAt().isAfter(lastSeenAt) ? alert.observedAt() : lastSeenAt;
        return new Incident(id, tenant, fingerprint, status, source, resource, check, alert.severity(),
                alert.summary(), alert.labels(), occurrences + 1, openedAt, lastSeen, resolvedAt, null,
                firstContactAt, decision, runningExecutions);
    }

    /** Its alerts resolved at {@code at}. */
    public Incident recovered(Instant at) {
        return new Incident(id, tenant, fingerprint, status, source, resource, check, severity, summary, labels,
                occurrences, openedAt, lastSeenAt, resolvedAt, at, firstContactAt, decision, runningExecutions);
    }

    public Incident resolved(Instant at) {
        return new Incident(id, tenant, fingerprint, IncidentStatus.RESOLVED, source, resource, check, severity,
                summary, labels, occurrences, openedAt, lastSeenAt, at, recoveredAt, firstContactAt, decision,
                runningExecutions);
    }

    public Incident withStatus(IncidentStatus next) {
        return new Incident(id, tenant, fingerprint, next, source, resource, check, severity, summary, labels,
                occurrences, openedAt, lastSeenAt, resolvedAt, recoveredAt, firstContactAt, decision,
                runningExecutions);
    }

    public Incident decided(IncidentStatus next, IncidentDecision nextDecision) {
        return new Incident(id, tenant, fingerprint, next, source, resource, check, severity, summary, labels,
                occurrences, openedAt, lastSeenAt, resolvedAt, recoveredAt, firstContactAt, nextDecision,
                runningExecutions);
    }

    public Incident withRunningExecutions(int running) {
        return new Incident(id, tenant, fingerprint, status, source, resource, check, severity, summary, labels,
                occurrences, openedAt, lastSeenAt, resolvedAt, recoveredAt, firstContactAt, decision, running);
    }

    public IncidentEvent event(UUID eventId, IncidentChange change, String actor, String note) {
        return new IncidentEvent(eventId, change, tenant, id, status, fingerprint, source, resource, check, severity,
                summary, labels, occurrences, openedAt, lastSeenAt, resolvedAt, decision, actor, note);
    }
}
