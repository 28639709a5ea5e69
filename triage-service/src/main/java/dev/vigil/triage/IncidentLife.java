package dev.vigil.triage;

import dev.vigil.contracts.EventIds;
import dev.vigil.contracts.IncidentChange;
import dev.vigil.contracts.IncidentDecision;
import dev.vigil.contracts.IncidentStatus;
import java.time.Instant;
import java.util.UUID;

/**
 * The incident's life after it opens, in one place: what a person's action does, what the policy confirms, when
 * an undecided incident escalates, and how an incident whose alerts resolved ends (recovering while a runbook
 * execution runs, resolved otherwise). Pure functions; every change is recorded in {@link Changes} as an event and
 * a timeline line.
 */
public final class IncidentLife {
    /** The actor of what alerts and the clock do. */
    public static final String TRIAGE = "triage";
    /** The actor of what the tenant's policy does. */
    public static final String POLICY = "policy";

    private IncidentLife() {
    }

    /** A person's action, or {@link TransitionRefused} when the incident's state does not allow it. */
    public static Changes act(Incident incident, OperatorAction action, String actor, TenantPolicy policy,
            UUID eventId, Instant now) {
        if (!action.allowedFrom().contains(incident.status())) {
            throw new TransitionRefused(incident.status(), action);
        }
        Changes changes = new Changes();
        IncidentDecision decision = incident.decision();
        if (action instanceof OperatorAction.Acknowledge acknowledge) {
            changes.change(incident, incident.decided(IncidentStatus.ACKNOWLEDGED, decision.acknowledged(actor, now)),
                    eventId, action.change(), actor, acknowledge.note(), now);
        } else if (action instanceof OperatorAction.Confirm confirm) {
            changes.change(incident, incident.decided(IncidentStatus.CONFIRMED, decision.confirmed(actor, now,
                    confirm.customerNote(), policy.reportRecovery())), eventId, action.change(), actor,
                    confirm.customerNote(), now);
        } else if (action instanceof OperatorAction.Dismiss dismiss) {
            String reason = dismiss.reason().wireName();
            changes.change(incident, incident.decided(IncidentStatus.DISMISSED, decision.dismissed(actor, now, reason)),
                    eventId, action.change(), actor, dismiss.note() == null ? reason : reason + ": " + dismiss.note(),
                    now);
            if (dismiss.suggestRule()) {
                changes.suggest(new RuleSuggestion(incident.id(), incident.tenant(), incident.fingerprint(),
                        dismiss.reason(), dismiss.note(), actor, now));
            }
        } else if (action instanceof OperatorAction.Assign assign) {
            String note = "assigned to " + assign.assignee() + (assign.note() == null ? "" : ": " + assign.note());
            changes.change(incident, incident.decided(incident.status(), decision.assignedTo(assign.assignee())),
                    eventId, action.change(), actor, note, now);
        } else if (action instanceof OperatorAction.Comment comment) {
            changes.change(incident, incident, eventId, action.change(), actor, comment.text(), now);
        }
        return changes;
    }

    /** Opened as a real failure because the policy confirms its severity; no person needs to decide. */
    static Incident confirmByPolicy(Changes changes, Incident incident, TenantPolicy policy, UUID cause, Instant at) {
        Incident confirmed = incident.decided(IncidentStatus.CONFIRMED,
                incident.decision().confirmed(POLICY, at, null, policy.reportRecovery()));
        return changes.change(incident, confirmed, EventIds.derived(cause, IncidentChange.CONFIRMED.eventType()),
                IncidentChange.CONFIRMED, POLICY, "the tenant's policy (version " + policy.version() + ") confirms "
                        + incident.severity().wireName() + " incidents", at);
    }

    /**
     * The decision deadline passed: an incident still undecided escalates, once. One decided meanwhile, or already
     * escalated, is left alone.
     */
    public static Changes escalate(Incident incident, Instant now) {
        Changes changes = new Changes();
        IncidentDecision decision = incident.decision();
        if (!incident.status().isUndecided() || decision.escalatedAt() != null || decision.decisionDueAt() == null) {
            return changes;
        }
        UUID eventId = EventIds.derived(incident.id(), IncidentChange.ESCALATED.eventType());
        changes.change(incident, incident.decided(incident.status(), decision.escalated(now)), eventId,
                IncidentChange.ESCALATED, TRIAGE, "nobody decided by the deadline, " + decision.decisionDueAt(), now);
        return changes;
    }

    /**
     * Its alerts stayed resolved for the resolve delay: it ends, unless a confirmed incident still has a runbook
     * execution running, in which case it is recovering until that execution ends.
     *
     * @param cause the event or deadline that settles it, from which event ids derive
     */
    public static Incident settle(Changes changes, Incident incident, UUID cause, Instant at) {
        if (incident.status() == IncidentStatus.CONFIRMED && incident.runningExecutions() > 0) {
            return changes.change(incident, incident.withStatus(IncidentStatus.RECOVERING),
                    EventIds.derived(cause, IncidentChange.RECOVERING.eventType()), IncidentChange.RECOVERING, TRIAGE,
                    "its alerts are resolved; waiting for the runbook execution to complete", at);
        }
        if (incident.status() == IncidentStatus.RECOVERING && incident.runningExecutions() > 0) {
            return incident;
        }
        return changes.change(incident, incident.resolved(at),
                EventIds.derived(cause, IncidentChange.RESOLVED.eventType()), IncidentChange.RESOLVED, TRIAGE,
                resolutionNote(incident), at);
    }

    /** The resolve deadline passed: settle it if its alerts are still resolved. */
    public static Changes resolveIfStillQuiet(Incident incident, Instant due, Instant now) {
        Changes changes = new Changes();
        if (incident.isLive() && incident.isQuiet() && incident.status() != IncidentStatus.RECOVERING) {
            settle(changes, incident, EventIds.derived(incident.id(), "resolve-deadline", due.toString()), now);
        }
        return changes;
    }

    /** A runbook execution ended: a recovering incident with none left running resolves. Returns its new state. */
    public static Incident executionEnded(Changes changes, Incident incident, UUID cause, Instant at) {
        if (incident.status() == IncidentStatus.RECOVERING && incident.runningExecutions() == 0) {
            return settle(changes, incident, cause, at);
        }
        return incident;
    }

    private static String resolutionNote(Incident incident) {
        return switch (incident.status()) {
            case RECOVERING -> "its alerts are resolved and its runbook execution ended";
            case DISMISSED -> "its alerts are resolved; it was dismissed, so the customer was never told";
            case OPEN, ACKNOWLEDGED -> "its alerts resolved before anyone decided; the customer was never told";
            default -> "its alerts are resolved";
        };
    }
}
