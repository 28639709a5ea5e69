package dev.vigil.triage.rules;

/**
 * One line of the rules' audit: the version a save wrote, with who and when, and the rules it replaced (the
 * previous version, or {@link TriageRules#DEFAULT} for a tenant's first save).
 */
public record RulesChange(RulesVersion after, TriageRules before) {
}
