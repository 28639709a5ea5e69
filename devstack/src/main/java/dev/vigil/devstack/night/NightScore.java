package dev.vigil.devstack.night;

import dev.vigil.devstack.night.Truth.Kind;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How well a triage did on a labelled night, computed from the night's alerts and the incidents triage produced.
 * An incident holds the firing alerts of the night whose tenant, resource and check are among its alerts (see
 * {@link NightIncident#holds}); each check carries one scenario in a night, so everything below follows from which
 * truths those alerts carry.
 *
 * @param alerts           alerts of the night
 * @param incidents        incidents triage produced
 * @param realFailures     real failures in the night (host-down cascades and sustained service failures)
 * @param caught           real failures at least one incident holds an alert of
 * @param falseMerges      incidents holding alerts of two real failures, or of a real failure and noise
 * @param cascades         host-down cascades in the night
 * @param cascadeIncidents incidents holding alerts of a cascade, summed over the caught cascades
 * @param caughtCascades   cascades at least one incident holds an alert of
 * @param majorOrCritical  incidents of severity major or critical
 * @param noisyMajorOrCritical of those, the ones holding no alert of a real failure
 * @param unmatched        incidents holding no alert of the night at all (counted as noise: they are no failure)
 * @param incidentsByKind  incidents per the kind of truth they hold; a mixed incident counts under each kind
 */
public record NightScore(int alerts, int incidents, int realFailures, int caught, int falseMerges, int cascades,
        int cascadeIncidents, int caughtCascades, int majorOrCritical, int noisyMajorOrCritical, int unmatched,
        Map<Kind, Integer> incidentsByKind) {

    public static NightScore score(List<NightAlert> alerts, List<NightIncident> incidents) {
        Map<String, List<NightAlert>> byKey = new HashMap<>();
        Set<String> real = new HashSet<>();
        Set<String> cascadeIds = new HashSet<>();
        for (NightAlert alert : alerts) {
            byKey.computeIfAbsent(alert.key(), k -> new ArrayList<>()).add(alert);
            if (alert.truth().kind().real()) {
                real.add(alert.truth().id());
            }
            if (alert.truth().kind() == Kind.HOST_DOWN_CASCADE) {
                cascadeIds.add(alert.truth().id());
            }
        }
        Set<String> caught = new HashSet<>();
        Map<String, Integer> perCascade = new HashMap<>();
        Map<Kind, Integer> byKind = new EnumMap<>(Kind.class);
        int falseMerges = 0;
        int majorOrCritical = 0;
        int noisy = 0;
        int unmatched = 0;
        for (NightIncident incident : incidents) {
            Set<Truth> held = new LinkedHashSet<>();
            for (String key : incident.alertKeys()) {
                for (NightAlert alert : byKey.getOrDefault(key, List.of())) {
                    if (incident.holds(alert)) {
                        held.add(alert.truth());
                    }
                }
            }
            Set<String> failures = new HashSet<>();
            boolean noise = false;
            Set<Kind> kinds = new HashSet<>();
            for (Truth truth : held) {
                kinds.add(truth.kind());
                if (truth.kind().real()) {
                    failures.add(truth.id());
                } else {
                    noise = true;
                }
                if (truth.kind() == Kind.HOST_DOWN_CASCADE) {
                    perCascade.merge(truth.id(), 1, Integer::sum);
                }
            }
            kinds.forEach(k -> byKind.merge(k, 1, Integer::sum));
            caught.addAll(failures);
            if (failures.size() > 1 || (!failures.isEmpty() && noise)) {
                falseMerges++;
            }
            if (held.isEmpty()) {
                unmatched++;
            }
            if (incident.majorOrCritical()) {
                majorOrCritical++;
                if (failures.isEmpty()) {
                    noisy++;
                }
            }
        }
        int cascadeIncidents = perCascade.values().stream().mapToInt(Integer::intValue).sum();
        return new NightScore(alerts.size(), incidents.size(), real.size(), caught.size(), falseMerges,
                cascadeIds.size(), cascadeIncidents, perCascade.size(), majorOrCritical, noisy, unmatched,
                Map.copyOf(byKind));
    }

    /** Share of real failures caught; 1 when the night has none. */
    public double recall() {
        return realFailures == 0 ? 1 : (double) caught / realFailures;
    }

    /** Mean incidents per caught host-down cascade; 0 when none was caught. */
    public double incidentsPerCascade() {
        return caughtCascades == 0 ? 0 : (double) cascadeIncidents / caughtCascades;
    }

    /** Share of major-and-critical incidents that are noise; 0 when there are none. */
    public double noiseShare() {
        return majorOrCritical == 0 ? 0 : (double) noisyMajorOrCritical / majorOrCritical;
    }

    /** 1 - incidents/alerts: how much of the alert volume an operator is spared. */
    public double compression() {
        return alerts == 0 ? 0 : 1 - (double) incidents / alerts;
    }

    /** The figures beside the targets of the noise work, one line each. */
    public List<String> table() {
        List<String> lines = new ArrayList<>();
        String row = "%-38s %-24s %s";
        lines.add(String.format(row, "figure", "measured", "target"));
        lines.add(String.format(row, "real failures caught (recall)",
                String.format("%d/%d = %.1f%%", caught, realFailures, 100 * recall()), "100%"));
        lines.add(String.format(row, "false merges", falseMerges, "0"));
        lines.add(String.format(row, "incidents per host-down cascade",
                String.format("%.1f (%d cascades)", incidentsPerCascade(), caughtCascades), "1"));
        lines.add(String.format(row, "noise share of major+critical",
                String.format("%.1f%% (%d/%d)", 100 * noiseShare(), noisyMajorOrCritical, majorOrCritical), "<= 5%"));
        lines.add(String.format(row, "compression (1 - incidents/alerts)",
                String.format("%.2f%% (%d/%d)", 100 * compression(), incidents, alerts), ">= 98%"));
        lines.add(String.format(row, "incidents holding no night alert", unmatched, "0"));
        StringBuilder kinds = new StringBuilder();
        for (Kind kind : Kind.values()) {
            kinds.append(kinds.length() == 0 ? "" : ", ")
                    .append(kind.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                    .append(' ').append(incidentsByKind.getOrDefault(kind, 0));
        }
        lines.add("incidents by truth: " + kinds);
        return lines;
    }
}
