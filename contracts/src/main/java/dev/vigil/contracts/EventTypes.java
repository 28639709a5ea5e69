package dev.vigil.contracts;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** CloudEvents {@code type} attributes of every event Vigil emits. */
public final class EventTypes {
    public static final String ALERT = "dev.vigil.alert.v1";
    public static final String INCIDENT_OPENED = "dev.vigil.incident.opened.v1";
    public static final String INCIDENT_UPDATED = "dev.vigil.incident.updated.v1";
    public static final String INCIDENT_CONFIRMED = "dev.vigil.incident.confirmed.v1";
    public static final String INCIDENT_ESCALATED = "dev.vigil.incident.escalated.v1";
    public static final String INCIDENT_RESOLVED = "dev.vigil.incident.resolved.v1";
    public static final String NOTIFICATION_DELIVERED = "dev.vigil.notification.delivered.v1";
    public static final String NOTIFICATION_FAILED = "dev.vigil.notification.failed.v1";
    public static final String RUNBOOK_EXECUTION_OPENED = "dev.vigil.runbook.execution.opened.v1";
    public static final String RUNBOOK_EXECUTION_COMPLETED = "dev.vigil.runbook.execution.completed.v1";
    public static final String RUNBOOK_EXECUTION_ABANDONED = "dev.vigil.runbook.execution.abandoned.v1";
    /** A {@link RecoveryStepEvent}: a step the customer may see is done. */
    public static final String RUNBOOK_STEP_DONE = "dev.vigil.runbook.step.done.v1";
    /** A {@link HandoverOverdueEvent}: handover items nobody acknowledged in time. */
    public static final String RUNBOOK_HANDOVER_OVERDUE = "dev.vigil.runbook.handover.overdue.v1";

    /** Every type an {@link IncidentEvent} is published under, one per {@link IncidentChange}. */
    public static final Set<String> INCIDENT_TYPES = IncidentChange.EVENT_TYPES;
    /** Every type a {@link RunbookExecutionEvent} is published under, one per {@link ExecutionChange}. */
    public static final Set<String> RUNBOOK_EXECUTION_TYPES = Arrays.stream(ExecutionChange.values())
            .map(ExecutionChange::eventType).collect(Collectors.toUnmodifiableSet());
    /** The types of {@link Topics#RUNBOOK} about shift handovers. */
    public static final Set<String> RUNBOOK_HANDOVER_TYPES = Set.of(RUNBOOK_HANDOVER_OVERDUE);
    /** The types of {@link Topics#RUNBOOK} about an execution's steps. */
    public static final Set<String> RUNBOOK_STEP_TYPES = Set.of(RUNBOOK_STEP_DONE);
    /** Every type a {@link NotificationOutcome} is published under. */
    public static final Set<String> NOTIFICATION_TYPES = Set.of(NOTIFICATION_DELIVERED, NOTIFICATION_FAILED);

    private EventTypes() {
    }
}
