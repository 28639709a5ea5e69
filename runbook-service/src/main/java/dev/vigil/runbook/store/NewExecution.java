package dev.vigil.runbook.store;

import dev.vigil.runbook.IncidentFacts;
import java.util.UUID;

/**
 * An execution to open: the runbook version that matched an incident, and the incident event that announced it.
 */
public record NewExecution(UUID id, String tenant, UUID incidentId, UUID runbookId, int runbookVersion,
        UUID causeEventId, IncidentFacts incident) {
}
