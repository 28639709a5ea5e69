package dev.vigil.triage;

import dev.vigil.triage.rules.TriageRules;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/** An alert's last results, oldest first, as flap detection and occurrence thresholds read them. */
public record AlertHistory(List<Result> results) {
    public static final AlertHistory EMPTY = new AlertHistory(List.of());

    public record Result(Instant at, boolean firing) {
    }

    public AlertHistory {
        results = List.copyOf(results);
    }

    /**
     * With one more result; results older than the flap window, or beyond the last {@code keep}, are dropped.
     *
     * @param keep what the rules read: flap detection's results and the largest occurrence threshold
     */
    public AlertHistory with(Instant at, boolean firing, TriageRules.Flap flap, int keep) {
        Instant oldest = at.minus(flap.window());
        List<Result> kept = new ArrayList<>(results.size() + 1);
        for (Result result : results) {
            if (!result.at().isBefore(oldest)) {
                kept.add(result);
            }
        }
        kept.add(new Result(at, firing));
        return new AlertHistory(kept.size() > keep ? kept.subList(kept.size() - keep, kept.size()) : kept);
    }

    /** The share of consecutive results that changed state, over the last {@code flap.results()} results. */
    public OptionalDouble changeShare(TriageRules.Flap flap) {
        List<Result> read = results.size() > flap.results()
                ? results.subList(results.size() - flap.results(), results.size()) : results;
        if (read.size() < flap.minimumResults()) {
            return OptionalDouble.empty();
        }
        int changes = 0;
        for (int i = 1; i < read.size(); i++) {
            if (read.get(i).firing() != read.get(i - 1).firing()) {
                changes++;
            }
        }
        return OptionalDouble.of((double) changes / (read.size() - 1));
    }

    /** Flapping with hysteresis: starts at or above {@code high}, ends at or below {@code low}. */
    public boolean flapping(boolean wasFlapping, TriageRules.Flap flap) {
        OptionalDouble share = changeShare(flap);
        if (share.isEmpty()) {
            return false;
        }
        return wasFlapping ? share.getAsDouble() > flap.low() : share.getAsDouble() >= flap.high();
    }

    /** Firings on record observed at or after {@code since}. */
    public long firingsSince(Instant since) {
        return results.stream().filter(result -> result.firing() && !result.at().isBefore(since)).count();
    }
}
