package dev.vigil.contracts;

/** SmallRye Reactive Messaging channel names; each service maps them to topics in its configuration. */
public final class Channels {
    /** ingest reads probe agents' native alerts here (topic {@code vigil.probe-results}). */
    public static final String PROBE_RESULTS_IN = "probe-results-in";
    /** ingest publishes normalised alerts here. */
    public static final String ALERTS_OUT = "alerts-out";
    /** triage consumes normalised alerts in batches. */
    public static final String ALERTS_IN = "alerts-in";
    /** notify and runbook consume incident lifecycle events. */
    public static final String INCIDENTS_IN = "incidents-in";
    /** triage reads runbook executions' openings and endings (topic {@code vigil.runbook}). */
    public static final String RUNBOOK_IN = "runbook-in";
    /** notify reads the recovery steps the customer may see (topic {@code vigil.runbook}). */
    public static final String RECOVERY_STEPS_IN = "recovery-steps-in";
    /** notify reads overdue handover items for the supervisors (topic {@code vigil.runbook}). */
    public static final String HANDOVERS_IN = "handovers-in";
    /** triage reads notify's delivery outcomes (topic {@code vigil.notifications}). */
    public static final String NOTIFICATIONS_IN = "notifications-in";
    /** the transactional outbox relay publishes here; each row names its own topic. */
    public static final String OUTBOX = "outbox";
    /** poison records, with the error, go here (topic {@code vigil.dlq.<service>}). */
    public static final String DEAD_LETTERS = "dead-letters";

    private Channels() {
    }
}
