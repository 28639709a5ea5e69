package dev.vigil.triage.noise;

import dev.vigil.triage.RuleSuggestion;
import dev.vigil.triage.SuppressionReason;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One tenant's noise over a period: what fired most, what flapped, what triage held and why, how many alerts each
 * incident gathered, what operators asked for, and rules that would have removed more, each tried by replaying the
 * period.
 *
 * @param firing    firing alerts received in the period
 * @param held      of those, held out of incidents, by reason
 * @param requested rules operators asked for when they dismissed an incident as noise
 * @param replay    how faithfully the replay with the rules in force gave the incidents the tenant had
 */
public record NoiseReport(String tenant, int days, Instant since, Instant until, long alerts, long firing,
        Map<SuppressionReason, Long> held, List<Noisy> noisiest, List<Flapping> flaps, IncidentTally incidents,
        List<RuleSuggestion> requested, List<RuleTrial> suggestions, ReplayCheck replay) {

    /** An alert among those that fired most. */
    public record Noisy(String fingerprint, String resource, String check, long firings, long resolutions,
            long incidents, long held) {
    }

    /** An alert held as flapping, and the incidents it opened marked flapping. */
    public record Flapping(String fingerprint, String resource, String check, long stretches, long heldAlerts,
            long flappingIncidents) {
    }

    /** The incidents opened in the period, and the alerts each gathered. */
    public record IncidentTally(long opened, long confirmed, long dismissed, long flapping, double alertsMean,
            long alertsMedian, long alertsP90, long alertsMax) {
    }

    /** @param reproduced stored incidents the replay with the rules in force opened again */
    public record ReplayCheck(long alerts, long incidents, long stored, long reproduced) {
    }
}
