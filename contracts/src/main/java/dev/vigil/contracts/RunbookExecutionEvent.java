package dev.vigil.contracts;

import java.time.Instant;
import java.util.UUID;

/** A runbook execution was opened for an incident, on {@link Topics#RUNBOOK}. */
public record RunbookExecutionEvent(
        UUID eventId,
        String tenant,
        UUID executionId,
        UUID incidentId,
        UUID runbookId,
        String runbookName,
        int stepCount,
        Instant openedAt) implements TenantScoped {
}
