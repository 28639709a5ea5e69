package dev.vigil.platform.messaging;

import dev.vigil.contracts.Alert;
import dev.vigil.contracts.Channels;
import dev.vigil.contracts.ConsumedEvent;
import dev.vigil.contracts.EventTypes;
import dev.vigil.contracts.HandoverOverdueEvent;
import dev.vigil.contracts.IncidentEvent;
import dev.vigil.contracts.NotificationOutcome;
import dev.vigil.contracts.RecoveryStepEvent;
import dev.vigil.contracts.RunbookExecutionEvent;
import java.util.HashSet;
import java.util.Set;

/**
 * What a consumer reads: its channel (named in logs, metrics and readiness), the event it decodes, the
 * {@code ce_type}s it applies, and those its topic also carries for other consumers, which it passes over; a record
 * of any other type is parked.
 */
public record Subscription<T extends ConsumedEvent>(String channel, Class<T> eventType, Set<String> ceTypes,
        Set<String> passedOver) {

    public Subscription {
        ceTypes = Set.copyOf(ceTypes);
        passedOver = Set.copyOf(passedOver);
    }

    /** A subscription to a topic that carries only the types this consumer applies. */
    public Subscription(String channel, Class<T> eventType, Set<String> ceTypes) {
        this(channel, eventType, ceTypes, Set.of());
    }

    /** Triage's alerts from ingest. */
    public static final Subscription<Alert> ALERTS =
            new Subscription<>(Channels.ALERTS_IN, Alert.class, Set.of(EventTypes.ALERT));
    /** Incident events from triage, read by notify and runbook. */
    public static final Subscription<IncidentEvent> INCIDENTS =
            new Subscription<>(Channels.INCIDENTS_IN, IncidentEvent.class, EventTypes.INCIDENT_TYPES);
    /** Runbook executions' openings and endings, read by triage, which leaves steps and handovers to notify. */
    public static final Subscription<RunbookExecutionEvent> RUNBOOK_EXECUTIONS = new Subscription<>(
            Channels.RUNBOOK_IN, RunbookExecutionEvent.class, EventTypes.RUNBOOK_EXECUTION_TYPES,
            union(EventTypes.RUNBOOK_STEP_TYPES, EventTypes.RUNBOOK_HANDOVER_TYPES));
    /** Recovery steps the customer may see, read by notify on the same topic. */
    public static final Subscription<RecoveryStepEvent> RECOVERY_STEPS = new Subscription<>(
            Channels.RECOVERY_STEPS_IN, RecoveryStepEvent.class, EventTypes.RUNBOOK_STEP_TYPES,
            union(EventTypes.RUNBOOK_EXECUTION_TYPES, EventTypes.RUNBOOK_HANDOVER_TYPES));
    /** Overdue handover items, read by notify on the same topic. */
    public static final Subscription<HandoverOverdueEvent> HANDOVERS = new Subscription<>(
            Channels.HANDOVERS_IN, HandoverOverdueEvent.class, EventTypes.RUNBOOK_HANDOVER_TYPES,
            union(EventTypes.RUNBOOK_EXECUTION_TYPES, EventTypes.RUNBOOK_STEP_TYPES));
    /** Notify's delivery outcomes, read by triage. */
    public static final Subscription<NotificationOutcome> NOTIFICATION_OUTCOMES = new Subscription<>(
            Channels.NOTIFICATIONS_IN, NotificationOutcome.class, EventTypes.NOTIFICATION_TYPES);

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> both = new HashSet<>(a);
        both.addAll(b);
        return both;
    }
}
