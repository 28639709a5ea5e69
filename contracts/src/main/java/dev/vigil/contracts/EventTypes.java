package dev.vigil.contracts;

import java.util.Set;

/** CloudEvents {@code type} attributes of every event Vigil emits. */
public final class EventTypes {
    public static final String ALERT = "dev.vigil.alert.v1";
    public static final String INCIDENT_OPENED = "dev.vigil.incident.opened.v1";
    public static final String INCIDENT_UPDATED = "dev.vigil.incident.updated.v1";
    public static final String INCIDENT_RESOLVED = "dev.vigil.incident.resolved.v1";
    public static final String NOTIFICATION_DELIVERED = "dev.vigil.notification.delivered.v1";
    public static final String NOTIFICATION_FAILED = "dev.vigil.notification.failed.v1";
    public static final String RUNBOOK_EXECUTION_OPENED = "dev.vigil.runbook.execution.opened.v1";

    /** Every type an {@link IncidentEvent} is published under. */
    public static final Set<String> INCIDENT_TYPES = Set.of(INCIDENT_OPENED, INCIDENT_UPDATED, INCIDENT_RESOLVED);

    private EventTypes() {
    }
}
