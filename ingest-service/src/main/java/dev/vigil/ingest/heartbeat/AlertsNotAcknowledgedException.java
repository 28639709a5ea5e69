package dev.vigil.ingest.heartbeat;

/** The broker did not acknowledge a heartbeat's alert: nothing about the heartbeat was recorded. */
public class AlertsNotAcknowledgedException extends RuntimeException {
    public AlertsNotAcknowledgedException(Throwable cause) {
        super("the broker did not acknowledge the alert: " + cause.getMessage(), cause);
    }
}
