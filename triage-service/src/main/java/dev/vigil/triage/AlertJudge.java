package dev.vigil.triage;

import dev.vigil.triage.rules.TriageRules;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a firing alert outside any incident may be raised into one, or why it is held: a silence or a maintenance
 * window, a firing alert that inhibits it, or a threshold it has not reached (flapping, when it flaps).
 */
final class AlertJudge {
    private AlertJudge() {
    }

    /**
     * @param at         event time: the alert's observed time
     * @param wallNow    the wall clock (when ingest received the alert, or now for a recheck): a source that sends a
     *                   failure once is raised when it has fired that long by the wall clock
     * @param inhibitors the firing alerts of the tenant that may inhibit others
     */
    static Optional<AlertState.Hold> hold(AlertState state, Instant at, Instant wallNow, TriageRules rules,
            PlannedQuiet quiet, Collection<AlertState> inhibitors) {
        Map<String, String> labels = state.ruleLabels();
        Optional<AlertState.Hold> planned = quiet.holding(state.tenant(), labels, at);
        if (planned.isPresent()) {
            return planned;
        }
        for (AlertState inhibitor : inhibitors) {
            if (!inhibitor.firing() || inhibitor.fingerprint().equals(state.fingerprint())) {
                continue;
            }
            Map<String, String> inhibitorLabels = inhibitor.ruleLabels();
            for (TriageRules.Inhibition rule : rules.inhibitions()) {
                if (rule.inhibits(inhibitorLabels, labels)) {
                    return Optional.of(new AlertState.Hold(SuppressionReason.INHIBITED, inhibitor.fingerprint(),
                            inhibitor.isMember() ? inhibitor.incidentId() : null, null));
                }
            }
        }
        return rules.thresholdFor(labels)
                .filter(threshold -> !reached(threshold, state, at, wallNow))
                .map(threshold -> new AlertState.Hold(
                        state.flapping() ? SuppressionReason.FLAPPING : SuppressionReason.THRESHOLD, threshold.name(),
                        null, threshold.firingFor() == null ? null
                                : state.episodeReceivedAt().plus(threshold.firingFor())));
    }

    static boolean reached(TriageRules.Threshold threshold, AlertState state, Instant at, Instant wallNow) {
        Duration firingFor = threshold.firingFor();
        if (firingFor != null && (Duration.between(state.episodeStartedAt(), at).compareTo(firingFor) >= 0
                || Duration.between(state.episodeReceivedAt(), wallNow).compareTo(firingFor) >= 0)) {
            return true;
        }
        if (threshold.occurrences() == null) {
            return false;
        }
        Instant windowStart = at.minus(threshold.within());
        long firings = state.episodeStartedAt().isBefore(windowStart)
                ? state.history().firingsSince(windowStart) : state.episodeOccurrences();
        return firings >= threshold.occurrences();
    }
}
