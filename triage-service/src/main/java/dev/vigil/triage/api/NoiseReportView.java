package dev.vigil.triage.api;

import dev.vigil.triage.SuppressionReason;
import dev.vigil.triage.noise.NoiseReport;
import dev.vigil.triage.noise.ReplayedIncident;
import dev.vigil.triage.noise.RuleTrial;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A tenant's noise report, as the API shows it. */
@Schema(name = "NoiseReport", description = "One tenant's noise over the last `days` days: the alerts that fired most,"
        + " flaps, what triage held and why, alerts per incident, rules operators asked for, and suggested rules,"
        + " each tried by replaying the period's alerts through triage's decisions")
public record NoiseReportView(
        String tenant,
        int days,
        Instant since,
        Instant until,
        @Schema(description = "Alerts received in the period, firing and resolved") long alerts,
        @Schema(description = "Firing alerts received in the period") long firing,
        @Schema(description = "Firing alerts held out of incidents, by reason, with their share of the firing alerts")
        List<Held> held,
        List<NoiseReport.Noisy> noisiest,
        List<NoiseReport.Flapping> flaps,
        NoiseReport.IncidentTally incidents,
        @Schema(description = "Rules operators asked for when they dismissed an incident as noise") List<Request> requested,
        @Schema(description = "Suggested thresholds, safest first: add one at the head of `thresholds` in PUT"
                + " /v1/rules/{tenant}") List<Suggestion> suggestions,
        @Schema(description = "The replay with the rules in force against the incidents stored: how faithful the"
                + " suggestions' baseline is") NoiseReport.ReplayCheck replay) {

    @Schema(name = "NoiseHeld")
    public record Held(String reason, long alerts, double share) {
    }

    @Schema(name = "NoiseRuleRequest")
    public record Request(UUID incidentId, String fingerprint, String reason, String note, String suggestedBy,
            Instant suggestedAt) {
    }

    @Schema(name = "NoiseSuggestion", description = "A threshold and what it would have done over the period")
    public record Suggestion(
            RulesView.Threshold rule,
            String why,
            @Schema(description = "Incidents nobody confirmed that it would have kept away") long removes,
            @Schema(description = "More firing alerts held (negative: fewer)") long heldMore,
            List<Affected> removed,
            @Schema(description = "Confirmed incidents it would have hidden") List<Affected> hidesReal,
            @Schema(description = "Confirmed incidents it would have opened later") List<Affected> delaysReal) {
    }

    @Schema(name = "NoiseAffectedIncident", description = "An incident of the replay with the rules in force")
    public record Affected(String fingerprint, String resource, String check, String severity, Instant openedAt,
            Instant resolvedAt, @Schema(description = "ISO-8601, for a delayed one") String delayedBy) {

        static Affected of(ReplayedIncident incident, String delayedBy) {
            return new Affected(incident.fingerprint(), incident.resource(), incident.check(),
                    incident.severity().wireName(), incident.openedAt(), incident.resolvedAt(), delayedBy);
        }
    }

    /** How many affected incidents a suggestion lists; the count says how many there were. */
    static final int LISTED = 20;

    static NoiseReportView of(NoiseReport report) {
        List<Held> held = Arrays.stream(SuppressionReason.values())
                .map(reason -> new Held(reason.wireName(), report.held().getOrDefault(reason, 0L),
                        share(report.held().getOrDefault(reason, 0L), report.firing())))
                .toList();
        List<Request> requested = report.requested().stream().map(r -> new Request(r.incidentId(), r.fingerprint(),
                r.reason().wireName(), r.note(), r.suggestedBy(), r.suggestedAt())).toList();
        return new NoiseReportView(report.tenant(), report.days(), report.since(), report.until(), report.alerts(),
                report.firing(), held, report.noisiest(), report.flaps(), report.incidents(), requested,
                report.suggestions().stream().map(NoiseReportView::suggestion).toList(), report.replay());
    }

    private static Suggestion suggestion(RuleTrial trial) {
        return new Suggestion(RulesView.Threshold.of(trial.candidate().threshold()), trial.candidate().why(),
                trial.removed().size(), trial.heldMore(),
                trial.removed().stream().limit(LISTED).map(incident -> Affected.of(incident, null)).toList(),
                trial.hiddenReal().stream().map(incident -> Affected.of(incident, null)).toList(),
                trial.delayedReal().stream().map(delay -> Affected.of(delay.incident(), delay.by().toString()))
                        .toList());
    }

    private static double share(long part, long whole) {
        return whole == 0 ? 0 : Math.round(part * 10_000.0 / whole) / 10_000.0;
    }
}
