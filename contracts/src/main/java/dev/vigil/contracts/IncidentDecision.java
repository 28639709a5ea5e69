package dev.vigil.contracts;

import java.time.Instant;

/**
 * What people and the tenant's policy decided about an incident so far, and when: the record of the human gate
 * that every incident event carries, so that consumers need no lookup.
 *
 * @param decisionDueAt  when the incident escalates if nobody has decided by then; null when no decision is awaited
 * @param confirmedBy    the operator who confirmed it, or {@code policy} when the tenant's policy did
 * @param customerNote   the operator's words for the customer, given with the confirmation
 * @param dismissReason  why it was judged noise (noise, duplicate, planned-work, false-positive, other)
 * @param reportRecovery whether the customer hears of the recovery (the tenant's policy when it was confirmed)
 */
public record IncidentDecision(
        Instant decisionDueAt,
        Instant escalatedAt,
        String assignee,
        Instant acknowledgedAt,
        String acknowledgedBy,
        Instant confirmedAt,
        String confirmedBy,
        String customerNote,
        Instant dismissedAt,
        String dismissedBy,
        String dismissReason,
        boolean reportRecovery) {

    /** Nothing decided yet, no deadline. */
    public static final IncidentDecision NONE =
            new IncidentDecision(null, null, null, null, null, null, null, null, null, null, null, false);

    public boolean wasConfirmed() {
        return confirmedAt != null;
    }

    public IncidentDecision dueAt(Instant due) {
        return new IncidentDecision(due, escalatedAt, assignee, acknowledgedAt, acknowledgedBy, confirmedAt,
                confirmedBy, customerNote, dismissedAt, dismissedBy, dismissReason, reportRecovery);
    }

    public IncidentDecision escalated(Instant at) {
        return new IncidentDecision(decisionDueAt, at, assignee, acknowledgedAt, acknowledgedBy, confirmedAt,
                confirmedBy, customerNote, dismissedAt, dismissedBy, dismissReason, reportRecovery);
    }

    public IncidentDecision assignedTo(String operator) {
        return new IncidentDecision(decisionDueAt, escalatedAt, operator, acknowledgedAt, acknowledgedBy,
                confirmedAt, confirmedBy, customerNote, dismissedAt, dismissedBy, dismissReason, reportRecovery);
    }

    /** Claimed by {@code operator}, who becomes its assignee. */
    public IncidentDecision acknowledged(String operator, Instant at) {
        return new IncidentDecision(decisionDueAt, escalatedAt, operator, at, operator, confirmedAt, confirmedBy,
                customerNote, dismissedAt, dismissedBy, dismissReason, reportRecovery);
    }

    /** Confirmed: the deadline no longer applies. */
    public IncidentDecision confirmed(String by, Instant at, String note, boolean recoveryReported) {
        return new IncidentDecision(null, escalatedAt, assignee, acknowledgedAt, acknowledgedBy, at, by, note,
                dismissedAt, dismissedBy, dismissReason, recoveryReported);
    }

    /** Dismissed: the deadline no longer applies. */
    public IncidentDecision dismissed(String by, Instant at, String reason) {
        return new IncidentDecision(null, escalatedAt, assignee, acknowledgedAt, acknowledgedBy, confirmedAt,
                confirmedBy, customerNote, at, by, reason, reportRecovery);
    }
}
