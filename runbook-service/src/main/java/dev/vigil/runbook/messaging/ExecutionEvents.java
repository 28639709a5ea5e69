package dev.vigil.runbook.messaging;

import dev.vigil.contracts.EventIds;
import dev.vigil.contracts.ExecutionChange;
import dev.vigil.contracts.Json;
import dev.vigil.contracts.Keys;
import dev.vigil.contracts.RunbookExecutionEvent;
import dev.vigil.contracts.Topics;
import dev.vigil.platform.outbox.OutboxEntry;
import dev.vigil.runbook.Execution;
import dev.vigil.contracts.EventTypes;
import dev.vigil.contracts.RecoveryStepEvent;
import dev.vigil.contracts.Severity;
import dev.vigil.runbook.CustomerProgress;
import dev.vigil.runbook.ExecutionStatus;
import dev.vigil.runbook.ExecutionStep;
import dev.vigil.runbook.IncidentFacts;
import java.time.Instant;
import java.util.UUID;

/**
 * The one place an execution becomes the event announcing where it now stands, keyed by its incident so triage
 * reads an execution's opening before its ending.
 */
final class ExecutionEvents {
    /** The actor of what the service did by itself: opening executions for confirmed incidents. */
    static final String SERVICE_ACTOR = "runbook";

    private ExecutionEvents() {
    }

    /**
     * The event of the change that put the execution in its current state. Its id is derived from the execution
     * and the change, so an execution announces each change once however often it is written.
     */
    static OutboxEntry announcing(Execution execution) {
        return announcing(execution, SERVICE_ACTOR);
    }

    /** The same, for an execution {@code opener} opened by hand. */
    static OutboxEntry announcing(Execution execution, String opener) {
        ExecutionChange change = execution.status().entered();
        UUID eventId = EventIds.derived(execution.id(), change.eventType());
        boolean open = execution.status() == ExecutionStatus.OPEN;
        RunbookExecutionEvent event = new RunbookExecutionEvent(eventId, change, execution.tenant(), execution.id(),
                execution.incidentId(), execution.runbookId(), execution.runbookName(), execution.stepCount(),
                execution.openedAt(), open ? opener : execution.closedBy(), execution.closeNote(),
                open ? execution.openedAt() : execution.closedAt());
        return new OutboxEntry(eventId, Topics.RUNBOOK, Keys.incident(execution.tenant(), execution.incidentId()),
                event.eventType(), execution.tenant(), Json.write(event));
    }

    /**
     * The event telling the customer that a step they may see is done, keyed by the incident like the execution's
     * own events. Its id is derived from the execution and the step: a step is done once.
     */
    static OutboxEntry progress(Execution execution, CustomerProgress progress, Instant at) {
        ExecutionStep step = progress.step();
        UUID eventId = EventIds.derived(execution.id(), EventTypes.RUNBOOK_STEP_DONE,
                Integer.toString(step.position()));
        IncidentFacts incident = execution.incident();
        RecoveryStepEvent event = new RecoveryStepEvent(eventId, execution.tenant(), execution.id(),
                execution.incidentId(), execution.runbookName(), step.position(), step.title(), progress.done(),
                progress.total(), progress.next().map(ExecutionStep::title).orElse(null), incident.resource(),
                incident.check(), severity(incident.severity()), incident.summary(), incident.openedAt(), at);
        return new OutboxEntry(eventId, Topics.RUNBOOK, Keys.incident(execution.tenant(), execution.incidentId()),
                EventTypes.RUNBOOK_STEP_DONE, execution.tenant(), Json.write(event));
    }

    private static Severity severity(String wire) {
        return wire == null ? null : Severity.fromWire(wire).orElse(null);
    }
}
