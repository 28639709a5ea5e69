package dev.vigil.triage.noise;

import dev.vigil.triage.rules.TriageRules;
import java.util.ArrayList;
import java.util.List;

/** A threshold the noise report tries: placed first among the tenant's thresholds, and why it was thought of. */
public record RuleCandidate(TriageRules.Threshold threshold, String why) {

    /** The tenant's rules with this threshold tried before their own. */
    public TriageRules appliedTo(TriageRules rules) {
        List<TriageRules.Threshold> thresholds = new ArrayList<>();
        thresholds.add(threshold);
        thresholds.addAll(rules.thresholds());
        return new TriageRules(rules.version(), rules.groupBy(), rules.groupWindow(), thresholds, rules.flap(),
                rules.timeouts(), rules.inhibitions());
    }
}
