package dev.vigil.runbook;

import java.time.Instant;

/**
 * What an execution knows of the incident it opened for, taken from the confirmation: what failed, how badly, and
 * since when. Executions opened before these were kept have none of them.
 */
public record IncidentFacts(String resource, String check, String severity, String summary, Instant openedAt) {
    public static final IncidentFacts UNKNOWN = new IncidentFacts(null, null, null, null, null);
}
