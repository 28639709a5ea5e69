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
 * A failure as the operator sees it: the alerts of one group raised together, counted, and what people decided
 * about it, until it is over.
 *
 * @param fingerprint       the alert that opened it
 * @param source            with resource, check, summary and labels: the most severe of its alerts, which names it
 * @param severity          the highest of its alerts', or at most {@link #FLAPPING_SEVERITY} while they flap
 * @param groupKey          the group it stands for ({@link GroupKey})
 * @param recoveredAt       when its alerts last all resolved; null while one fires. With a resolve delay the
 *                          incident stays live this long before it resolves
 * @param firstContactAt    when a message about it first reached the customer
 * @param runningExecutions runbook executions opened for it that have not ended
 * @param flapping          its alert flaps: it stays open through the swings, at no more than warning
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
        int runningExecutions,
        String groupKey,
        boolean flapping) {

    /** A flapping alert is news for the day shift, not an emergency: its incident pages at no more than this. */
    public static final Severity FLAPPING_SEVERITY = Severity.WARNING;

    /** Opened by {@code alert}, raised with the firings of its episode so far. */
    public static Incident openedBy(UUID id, Alert alert, AlertState state) {
        return new Incident(id, alert.tenant(), alert.fingerprint(), IncidentStatus.OPEN, alert.source(),
                alert.resource(), alert.check(), shown(alert.severity(), state.flapping()), alert.summary(),
                alert.labels(), state.episodeOccurrences(), alert.observedAt(), alert.observedAt(), null, null, null,
                IncidentDecision.NONE, 0, state.groupKey(), state.flapping());
    }

    public boolean isLive() {
        return status.isLive();
    }

    /** Its alerts are resolved, waiting out the resolve delay or a running execution. */
    public boolean isQuiet() {
        return recoveredAt != null;
    }

    /**
     * {@code added} more firings, the last of them {@code alert}; it fires again. The most severe alert names the
     * incident: {@code alert} does when it is at least as severe as the incident, or when it is the only one firing.
     */
    public Incident counted(Alert alert, long added, boolean onlyOneFiring) {
        Instant lastSeen = alert.observedAt().isAfter(lastSeenAt) ? alert.observedAt() : lastSeenAt;
        boolean names = onlyOneFiring || alert.severity().compareTo(severity) <= 0;
        Builder next = toBuilder();
        next.occurrences = occurrences + added;
        next.lastSeenAt = lastSeen;
        next.recoveredAt = null;
        if (names) {
            next.source = alert.source();
            next.resource = alert.resource();
            next.check = alert.check();
            next.summary = alert.summary();
            next.labels = alert.labels();
            next.severity = shown(alert.severity(), flapping);
        }
        return next.build();
    }

    /** A late firing: one more occurrence, nothing else. */
    public Incident countedLate() {
        Builder next = toBuilder();
        next.occurrences = occurrences + 1;
        return next.build();
    }

    /** Its alert started or stopped flapping; {@code severity} is what the alert says now. */
    public Incident flapping(boolean flaps, Severity severity) {
        Builder next = toBuilder();
        next.flapping = flaps;
        next.severity = shown(severity, flaps);
        return next.build();
    }

    /** Its alerts resolved at {@code at}. */
    public Incident recovered(Instant at) {
        Builder next = toBuilder();
        next.recoveredAt = at;
        return next.build();
    }

    public Incident resolved(Instant at) {
        Builder next = toBuilder();
        next.status = IncidentStatus.RESOLVED;
        next.resolvedAt = at;
        return next.build();
    }

    public Incident withStatus(IncidentStatus status) {
        Builder next = toBuilder();
        next.status = status;
        return next.build();
    }

    public Incident decided(IncidentStatus status, IncidentDecision decision) {
        Builder next = toBuilder();
        next.status = status;
        next.decision = decision;
        return next.build();
    }

    public Incident withRunningExecutions(int running) {
        Builder next = toBuilder();
        next.runningExecutions = running;
        return next.build();
    }

    public IncidentEvent event(UUID eventId, IncidentChange change, String actor, String note) {
        return new IncidentEvent(eventId, change, tenant, id, status, fingerprint, source, resource, check, severity,
                summary, labels, occurrences, openedAt, lastSeenAt, resolvedAt, decision, actor, note);
    }

    private static Severity shown(Severity severity, boolean flapping) {
        return flapping && severity.compareTo(FLAPPING_SEVERITY) < 0 ? FLAPPING_SEVERITY : severity;
    }

    private Builder toBuilder() {
        Builder b = new Builder();
        b.id = id;
        b.tenant = tenant;
        b.fingerprint = fingerprint;
        b.status = status;
        b.source = source;
        b.resource = resource;
        b.check = check;
        b.severity = severity;
        b.summary = summary;
        b.labels = labels;
        b.occurrences = occurrences;
        b.openedAt = openedAt;
        b.lastSeenAt = lastSeenAt;
        b.resolvedAt = resolvedAt;
        b.recoveredAt = recoveredAt;
        b.firstContactAt = firstContactAt;
        b.decision = decision;
        b.runningExecutions = runningExecutions;
        b.groupKey = groupKey;
        b.flapping = flapping;
        return b;
    }

    private static final class Builder {
        UUID id;
        String tenant;
        String fingerprint;
        IncidentStatus status;
        String source;
        String resource;
        String check;
        Severity severity;
        String summary;
        Map<String, String> labels;
        long occurrences;
        Instant openedAt;
        Instant lastSeenAt;
        Instant resolvedAt;
        Instant recoveredAt;
        Instant firstContactAt;
        IncidentDecision decision;
        int runningExecutions;
        String groupKey;
        boolean flapping;

        Incident build() {
            return new Incident(id, tenant, fingerprint, status, source, resource, check, severity, summary, labels,
                    occurrences, openedAt, lastSeenAt, resolvedAt, recoveredAt, firstContactAt, decision,
                    runningExecutions, groupKey, flapping);
        }
    }
}
