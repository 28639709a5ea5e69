package dev.vigil.triage;

import dev.vigil.triage.rules.TriageRules;
import java.util.Map;
import java.util.stream.Collectors;

/** The group an alert belongs to: the values of its tenant's group-by labels, as {@code label=value,...}. */
public final class GroupKey {
    private GroupKey() {
    }

    public static String of(TriageRules rules, Map<String, String> ruleLabels) {
        return rules.groupBy().stream().map(label -> label + "=" + ruleLabels.getOrDefault(label, ""))
                .collect(Collectors.joining(","));
    }
}
