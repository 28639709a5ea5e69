package dev.vigil.runbook;

/**
 * How fast one tenant's incidents were handled: from opening to acknowledgement, confirmation, first customer
 * contact and recovery, and how many ended executions had every critical step they reached verified.
 *
 * @param executionsEnded       executions completed or abandoned in the period
 * @param executionsAllVerified those of them whose every critical step that was acted on was verified
 */
public record RecoveryStats(String tenant, long incidents, Duration toAcknowledge, Duration toConfirm,
        Duration toFirstContact, Duration toRecovery, long executionsEnded, long executionsAllVerified) {

    /** Seconds from an incident's opening, over the incidents that reached the point. */
    public record Duration(long count, Double medianSeconds, Double p90Seconds) {
        public static final Duration NONE = new Duration(0, null, null);
    }
}
