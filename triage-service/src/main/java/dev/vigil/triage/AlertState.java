package dev.vigil.triage;

import dev.vigil.contracts.Alert;
import dev.vigil.contracts.AlertStatus;
import dev.vigil.contracts.Severity;
import dev.vigil.triage.rules.AlertLabels;
import dev.vigil.triage.rules.TriageRules;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * What triage knows of one alert (a fingerprint): what it last said, its firing episode, its recent results, and
 * where it stands: in an incident ({@code reason} null), or held out of one for a {@link SuppressionReason}.
 *
 * @param incidentId         the incident it is in; when held for {@link SuppressionReason#INHIBITED}, the incident
 *                           that inhibits it, if that one has been raised
 * @param episodeStartedAt   when its current firing episode (firings with no resolution between) began, observed
 * @param episodeReceivedAt  when ingest received that first firing: the wall clock a source that sends once is
 *                           judged by
 * @param occurrences        every firing alert ever received, each counted once
 * @param staleAt            when a firing alert neither re-sent nor resolved resolves itself, by its timeout
 * @param recheckAt          when the wall clock must look at it again without a new result: it goes stale, a
 *                           threshold passes for a source that sends once, a window ends
 */
public record AlertState(
        String tenant,
        String fingerprint,
        String source,
        String resource,
        String check,
        Severity severity,
        String summary,
        Map<String, String> labels,
        boolean firing,
        SuppressionReason reason,
        String reasonRef,
        UUID incidentId,
        String groupKey,
        Instant episodeStartedAt,
        Instant episodeReceivedAt,
        long episodeOccurrences,
        long occurrences,
        Instant lastObservedAt,
        Instant lastReceivedAt,
        AlertHistory history,
        boolean flapping,
        boolean inhibits,
        Instant staleAt,
        Instant recheckAt) {

    public AlertKey key() {
        return new AlertKey(tenant, fingerprint);
    }

    /** The labels rules match on. */
    public Map<String, String> ruleLabels() {
        return AlertLabels.of(labels, source, resource, check, severity.wireName());
    }

    /** In an incident, firing or not. */
    public boolean isMember() {
        return reason == null && incidentId != null;
    }

    /** Counts among the firing alerts that keep {@code incident} open. */
    public boolean keepsOpen(UUID incident) {
        return firing && isMember() && incident.equals(incidentId);
    }

    /** The state after {@code alert}, a result no older than the last one, before triage judges where it stands. */
    public static AlertState observe(AlertState before, Alert alert, TriageRules rules) {
        boolean firing = alert.status() == AlertStatus.FIRING;
        Map<String, String> ruleLabels = AlertLabels.of(alert);
        AlertHistory history = (before == null ? AlertHistory.EMPTY : before.history)
                .with(alert.observedAt(), firing, rules.flap(), rules.resultsKept());
        boolean newEpisode = firing && (before == null || !before.firing);
        Builder next = before == null ? new Builder() : before.toBuilder();
        next.tenant = alert.tenant();
        next.fingerprint = alert.fingerprint();
        next.source = alert.source();
        next.resource = alert.resource();
        next.check = alert.check();
        next.severity = alert.severity();
        next.summary = alert.summary();
        next.labels = alert.labels();
        next.firing = firing;
        next.groupKey = GroupKey.of(rules, ruleLabels);
        if (newEpisode) {
            next.episodeStartedAt = alert.observedAt();
            next.episodeReceivedAt = alert.receivedAt();
            next.episodeOccurrences = 0;
        }
        if (firing) {
            next.episodeOccurrences++;
            next.occurrences++;
        }
        next.lastObservedAt = alert.observedAt();
        next.lastReceivedAt = alert.receivedAt();
        next.history = history;
        next.flapping = history.flapping(before != null && before.flapping, rules.flap());
        next.inhibits = rules.mayInhibit(ruleLabels);
        next.staleAt = firing ? Timeouts.of(alert, rules, ruleLabels).map(alert.receivedAt()::plus).orElse(null)
                : null;
        next.recheckAt = next.staleAt;
        return next.build();
    }

    /** Its episode counted as beginning with {@code alert}: it fires on its own from now on. */
    public AlertState firingAnewAt(Alert alert) {
        Builder next = toBuilder();
        next.episodeStartedAt = alert.observedAt();
        next.episodeReceivedAt = alert.receivedAt();
        next.episodeOccurrences = 1;
        return next.build();
    }

    /** A firing older than the last result: counted, but it changes nothing else (bounded lateness). */
    public AlertState countedLate() {
        Builder next = toBuilder();
        next.occurrences++;
        return next.build();
    }

    public AlertState inIncident(UUID incident) {
        Builder next = toBuilder();
        next.reason = null;
        next.reasonRef = null;
        next.incidentId = incident;
        next.recheckAt = staleAt;
        return next.build();
    }

    public AlertState held(Hold hold) {
        Builder next = toBuilder();
        next.reason = hold.reason();
        next.reasonRef = hold.ref();
        next.incidentId = hold.linkedIncident();
        next.recheckAt = earliest(hold.recheckAt(), staleAt);
        return next.build();
    }

    /** Looked at again by the wall clock and still where it was; the clock looks next at {@code at}. */
    public AlertState recheckAt(Instant at) {
        Builder next = toBuilder();
        next.recheckAt = earliest(at, staleAt);
        return next.build();
    }

    private static Instant earliest(Instant a, Instant b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return a.isBefore(b) ? a : b;
    }

    Builder toBuilder() {
        Builder b = new Builder();
        b.tenant = tenant;
        b.fingerprint = fingerprint;
        b.source = source;
        b.resource = resource;
        b.check = check;
        b.severity = severity;
        b.summary = summary;
        b.labels = labels;
        b.firing = firing;
        b.reason = reason;
        b.reasonRef = reasonRef;
        b.incidentId = incidentId;
        b.groupKey = groupKey;
        b.episodeStartedAt = episodeStartedAt;
        b.episodeReceivedAt = episodeReceivedAt;
        b.episodeOccurrences = episodeOccurrences;
        b.occurrences = occurrences;
        b.lastObservedAt = lastObservedAt;
        b.lastReceivedAt = lastReceivedAt;
        b.history = history;
        b.flapping = flapping;
        b.inhibits = inhibits;
        b.staleAt = staleAt;
        b.recheckAt = recheckAt;
        return b;
    }

    /** Why an alert is held out of an incident, and until when the wall clock should look at it again. */
    public record Hold(SuppressionReason reason, String ref, UUID linkedIncident, Instant recheckAt) {
    }

    static final class Builder {
        String tenant;
        String fingerprint;
        String source;
        String resource;
        String check;
        Severity severity;
        String summary;
        Map<String, String> labels;
        boolean firing;
        SuppressionReason reason;
        String reasonRef;
        UUID incidentId;
        String groupKey;
        Instant episodeStartedAt;
        Instant episodeReceivedAt;
        long episodeOccurrences;
        long occurrences;
        Instant lastObservedAt;
        Instant lastReceivedAt;
        AlertHistory history = AlertHistory.EMPTY;
        boolean flapping;
        boolean inhibits;
        Instant staleAt;
        Instant recheckAt;

        AlertState build() {
            return new AlertState(tenant, fingerprint, source, resource, check, severity, summary, labels, firing,
                    reason, reasonRef, incidentId, groupKey, episodeStartedAt, episodeReceivedAt, episodeOccurrences,
                    occurrences, lastObservedAt, lastReceivedAt, history, flapping, inhibits, staleAt, recheckAt);
        }
    }
}
