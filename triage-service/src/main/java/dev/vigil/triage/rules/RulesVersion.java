package dev.vigil.triage.rules;

import java.time.Instant;

/** One saved version of a tenant's noise rules: what they said ({@code rules.version()}), who saved them, when. */
public record RulesVersion(String tenant, TriageRules rules, String changedBy, Instant changedAt) {

    public int version() {
        return rules.version();
    }
}
