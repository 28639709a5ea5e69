package dev.vigil.triage.rules;

import dev.vigil.triage.config.TriageConfig;
import jakarta.enterprise.context.ApplicationScoped;

/** The rules of every tenant that has saved none: {@link TriageRules#defaults} with the MSP's pending period. */
@ApplicationScoped
public class DefaultRules {
    private final TriageRules rules;

    public DefaultRules(TriageConfig config) {
        this.rules = TriageRules.defaults(config.rules().raiseAfter());
    }

    public TriageRules rules() {
        return rules;
    }
}
