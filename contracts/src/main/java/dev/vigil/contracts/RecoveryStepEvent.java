package dev.vigil.contracts;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A step of the recovery procedure that the customer may see is done (and verified, if critical), on
 * {@link Topics#RUNBOOK}, keyed by its incident: notify tells the customer how far the recovery has come.
 *
 * @param step          the step's number in the procedure
 * @param visibleDone   how many of the steps the customer may see are now done, this one included
 * @param visibleTotal  how many steps the customer may see in all
 * @param nextStepTitle the next step the customer may see that is not done yet; null when none is left
 * @param resource      what failed, as the confirmation said; null when it named nothing
 */
public record RecoveryStepEvent(
        UUID eventId,
        String tenant,
        UUID executionId,
        UUID incidentId,
        String runbookName,
        int step,
        String stepTitle,
        int visibleDone,
        int visibleTotal,
        String nextStepTitle,
        String resource,
        String check,
        Severity severity,
        String summary,
        Instant incidentOpenedAt,
        Instant occurredAt) implements ConsumedEvent {

    @Override
    public Optional<String> missingField() {
        if (incidentId == null) {
            return Optional.of("incidentId");
        }
        if (executionId == null) {
            return Optional.of("executionId");
        }
        return stepTitle == null ? Optional.of("stepTitle") : Optional.empty();
    }
}
