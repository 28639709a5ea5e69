package dev.vigil.runbook;

import dev.vigil.contracts.EventIds;
import java.time.Instant;
import java.util.UUID;

/**
 * One walk through a runbook for one incident. It keeps the runbook version it opened with, and its own copy of
 * that version's name and steps, so later catalog edits never change what operators are already following.
 *
 * @param closedAt  when it was completed or abandoned; null while it is open
 * @param closedBy  who completed or abandoned it
 * @param closeNote the note it was completed with (optional), or the reason it was abandoned
 * @param incident  what failed, as the confirmation said
 */
public record Execution(
        UUID id,
        String tenant,
        UUID incidentId,
        UUID runbookId,
        String runbookName,
        int runbookVersion,
        ExecutionStatus status,
        int stepCount,
        Instant openedAt,
        Instant closedAt,
        String closedBy,
        String closeNote,
        IncidentFacts incident) {

    private static final String ID_KIND = "execution";

    /**
     * Derived from the incident event and the runbook, so a replayed incident event yields the same execution id
     * (and the same outgoing event id) instead of a second execution.
     */
    public static UUID idFor(UUID incidentEventId, UUID runbookId) {
        return EventIds.derived(incidentEventId, ID_KIND, runbookId.toString());
    }

    /** This execution in {@code status}, closed by {@code by} at {@code at}. */
    Execution closed(ExecutionStatus ending, String by, String note, Instant at) {
        return new Execution(id, tenant, incidentId, runbookId, runbookName, runbookVersion, ending, stepCount,
                openedAt, at, by, note, incident);
    }
}
