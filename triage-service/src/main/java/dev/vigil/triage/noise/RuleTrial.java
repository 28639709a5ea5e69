package dev.vigil.triage.noise;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What a candidate rule would have done over the period, against the rules in force: the incidents it would have
 * kept away, and among the real ones (a person or the policy confirmed them) those it would have hidden or delayed.
 */
public record RuleTrial(RuleCandidate candidate, List<ReplayedIncident> removed, List<ReplayedIncident> hiddenReal,
        List<Delay> delayedReal, long heldMore) {

    /** A real incident the candidate would have opened later. */
    public record Delay(ReplayedIncident incident, Duration by) {
    }

    /**
     * @param real the baseline's incidents that were real
     */
    public static RuleTrial of(RuleCandidate candidate, Replayed baseline, Replayed trial, Set<UUID> real) {
        List<ReplayedIncident> removed = new ArrayList<>();
        List<ReplayedIncident> hidden = new ArrayList<>();
        List<Delay> delayed = new ArrayList<>();
        for (ReplayedIncident before : baseline.incidents()) {
            ReplayedIncident after = trial.incidents().stream().filter(before::sameFailureAs)
                    .min((a, b) -> a.openedAt().compareTo(b.openedAt())).orElse(null);
            boolean isReal = real.contains(before.id());
            if (after == null) {
                (isReal ? hidden : removed).add(before);
            } else if (isReal && after.openedAt().isAfter(before.openedAt())) {
                delayed.add(new Delay(before, Duration.between(before.openedAt(), after.openedAt())));
            }
        }
        return new RuleTrial(candidate, removed, hidden, delayed, total(trial) - total(baseline));
    }

    /** Worth suggesting: it keeps some noise away. */
    public boolean helps() {
        return !removed.isEmpty();
    }

    private static long total(Replayed replayed) {
        return replayed.held().values().stream().mapToLong(Long::longValue).sum();
    }

    /** The safest first (hides and delays nothing real), then the one that removes most. */
    public static int bySafetyThenGain(RuleTrial a, RuleTrial b) {
        int risk = Integer.compare(a.hiddenReal.size() + a.delayedReal.size(),
                b.hiddenReal.size() + b.delayedReal.size());
        return risk != 0 ? risk : Integer.compare(b.removed.size(), a.removed.size());
    }
}
