package dev.vigil.contracts;

/** Kafka topic names. Services refer to these constants, never to string literals. */
public final class Topics {
    public static final String PROBE_RESULTS = "vigil.probe-results";
    public static final String ALERTS = "vigil.alerts";
    public static final String INCIDENTS = "vigil.incidents";
    public static final String RUNBOOK = "vigil.runbook";
    public static final String NOTIFICATIONS = "vigil.notifications";
    public static final String DLQ_INGEST = "vigil.dlq.ingest";
    public static final String DLQ_TRIAGE = "vigil.dlq.triage";
    public static final String DLQ_NOTIFY = "vigil.dlq.notify";
    public static final String DLQ_RUNBOOK = "vigil.dlq.runbook";

    private Topics() {
    }
}
