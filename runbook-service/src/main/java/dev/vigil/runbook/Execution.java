package dev.vigil.runbook;

import dev.vigil.contracts.EventIds;
import java.time.Instant;
import java.util.UUID;

/**
 * One walk through a runbook for one incident. It keeps its own copy of the runbook's name and steps, so
 * later catalog edits never change what operators are already following.
 */
public record Execution(
        UUID id,
        String tenant,
        UUID incidentId,
        UUID runbookId,
        String runbookName,
        ExecutionStatus status,
        int stepCount,
        Instant openedAt) {

    private static final String ID_KIND = "execution";

    /**
     * Derived from the incident event and the runbook, so a replayed incident event yields the same execution id
     * (and the same outgoing event id) instead of a second execution.
     */
    public static UUID idFor(UUID incidentEventId, UUID runbookId) {
        return EventIds.derived(incidentEventId, ID_KIND, runbookId.toString());
    }
}
