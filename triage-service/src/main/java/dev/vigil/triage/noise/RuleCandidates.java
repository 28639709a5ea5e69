package dev.vigil.triage.noise;

import dev.vigil.triage.rules.Matcher;
import dev.vigil.triage.rules.TriageRules;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Thresholds worth trying, read from the incidents the rules in force gave: a check whose incidents nobody confirmed
 * and that ended soon after they opened (blips, flaps' swings) would have been held by a pending period a little
 * longer than most of them lasted. A check an operator asked a rule for is tried even with one incident.
 */
final class RuleCandidates {
    /** The pending periods tried, shortest first: round figures a supervisor recognises. */
    static final List<Duration> PERIODS = List.of(Duration.ofMinutes(5), Duration.ofMinutes(10),
            Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofHours(1));
    /** Longer than this, an incident was not a blip: a pending period would only delay it. */
    static final Duration SHORT = Duration.ofHours(1);
    /** Candidates tried at most: each costs a replay of the period. */
    static final int MOST = 8;

    private RuleCandidates() {
    }

    static List<RuleCandidate> of(Replayed baseline, Set<UUID> real, TriageRules rules, Set<String> requestedChecks) {
        Map<String, List<ReplayedIncident>> shortNoise = new LinkedHashMap<>();
        for (ReplayedIncident incident : baseline.incidents()) {
            Duration lasted = incident.lasted();
            boolean requested = requestedChecks.contains(incident.check());
            if (!real.contains(incident.id()) && lasted != null && (lasted.compareTo(SHORT) <= 0 || requested)) {
                shortNoise.computeIfAbsent(incident.check(), check -> new ArrayList<>()).add(incident);
            }
        }
        List<RuleCandidate> candidates = new ArrayList<>();
        shortNoise.entrySet().stream()
                .filter(check -> check.getValue().size() >= 2 || requestedChecks.contains(check.getKey()))
                .sorted(Comparator.comparing((Map.Entry<String, List<ReplayedIncident>> check) ->
                        !requestedChecks.contains(check.getKey()))
                        .thenComparing(check -> -check.getValue().size()))
                .limit(MOST)
                .forEach(check -> candidate(check.getKey(), check.getValue(), rules,
                        requestedChecks.contains(check.getKey())).ifPresent(candidates::add));
        return candidates;
    }

    private static Optional<RuleCandidate> candidate(String check, List<ReplayedIncident> incidents,
            TriageRules rules, boolean requested) {
        List<Duration> lasted = incidents.stream().map(ReplayedIncident::lasted).sorted().toList();
        Duration typical = lasted.get((int) Math.ceil(lasted.size() * 0.9) - 1);
        ReplayedIncident sample = incidents.get(0);
        Duration current = rules.thresholdFor(Map.of("check", check, "resource", sample.resource(),
                        "severity", sample.severity().wireName()))
                .map(TriageRules.Threshold::firingFor).orElse(Duration.ZERO);
        return PERIODS.stream().filter(period -> period.compareTo(typical) > 0 && period.compareTo(current) > 0)
                .findFirst()
                .map(period -> new RuleCandidate(new TriageRules.Threshold("pending-" + slug(check),
                        List.of(Matcher.equal("check", check)), null, null, period),
                        incidents.size() + " incident(s) of check " + check + " ended within " + minutes(typical)
                                + " min and nobody confirmed them" + (requested ? "; an operator asked for a rule" : "")));
    }

    private static long minutes(Duration duration) {
        return (duration.toSeconds() + 59) / 60;
    }

    private static String slug(String check) {
        String slug = check.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return slug.isEmpty() ? "check" : slug;
    }
}
