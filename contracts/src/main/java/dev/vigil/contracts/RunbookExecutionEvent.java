package dev.vigil.contracts;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A runbook execution for an incident was opened, completed or abandoned, on {@link Topics#RUNBOOK}. Triage keeps an
 * incident whose alerts resolved {@code recovering} until every execution it opened has ended.
 *
 * @param actor      who made the change: a person, or {@code runbook} when the service opened it
 * @param note       the closing note or the reason it was abandoned
 * @param occurredAt when the change happened
 */
public record RunbookExecutionEvent(
        UUID eventId,
        ExecutionChange change,
        String tenant,
        UUID executionId,
        UUID incidentId,
        UUID runbookId,
        String runbookName,
        int stepCount,
        Instant openedAt,
        String actor,
        String note,
        Instant occurredAt) implements ConsumedEvent {

    public String eventType() {
        return change.eventType();
    }

    @Override
    public Optional<String> missingField() {
        if (change == null) {
            return Optional.of("change");
        }
        if (executionId == null) {
            return Optional.of("executionId");
        }
        return incidentId == null ? Optional.of("incidentId") : Optional.empty();
    }
}
