package dev.vigil.triage;

import dev.vigil.triage.silence.SilenceRule;
import dev.vigil.triage.window.Occurrence;
import dev.vigil.triage.window.WindowRule;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The silences and maintenance windows of the tenants in hand: whether one holds an alert at a moment. */
public interface PlannedQuiet {
    PlannedQuiet NONE = (tenant, labels, at) -> Optional.empty();

    /**
     * The silence or window holding an alert with these labels at {@code at} (event time), with when the wall clock
     * should look at the alert again (when the silence or the window's occurrence ends), if ever. A silence wins
     * over a window: it is the more deliberate of the two.
     */
    Optional<AlertState.Hold> holding(String tenant, Map<String, String> ruleLabels, Instant at);

    static PlannedQuiet of(List<SilenceRule> silences, List<WindowRule> windows) {
        Map<String, List<SilenceRule>> silencesByTenant = silences.stream()
                .collect(Collectors.groupingBy(SilenceRule::tenant));
        Map<String, List<WindowRule>> windowsByTenant = windows.stream()
                .collect(Collectors.groupingBy(WindowRule::tenant));
        return (tenant, labels, at) -> {
            for (SilenceRule silence : silencesByTenant.getOrDefault(tenant, List.of())) {
                if (silence.silences(labels, at)) {
                    return Optional.of(new AlertState.Hold(SuppressionReason.SILENCE, silence.id().toString(), null,
                            silence.endsAt()));
                }
            }
            for (WindowRule window : windowsByTenant.getOrDefault(tenant, List.of())) {
                Optional<Occurrence> occurrence = window.covering(labels, at);
                if (occurrence.isPresent()) {
                    return Optional.of(new AlertState.Hold(SuppressionReason.MAINTENANCE, window.id().toString(),
                            null, occurrence.get().end()));
                }
            }
            return Optional.empty();
        };
    }
}
