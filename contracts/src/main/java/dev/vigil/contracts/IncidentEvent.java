package dev.vigil.contracts;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * An incident's lifecycle event on {@link Topics#INCIDENTS}. Each event carries the incident's whole picture after
 * the change, so consumers need no lookup.
 *
 * @param status   the incident's state after this change
 * @param decision the human gate so far
 * @param actor    who made this change: a person's name, {@code policy}, or {@code triage} for what alerts did
 * @param note     the words that came with this change (a comment, a dismissal's note, an escalation's reason)
 */
public record IncidentEvent(
        UUID eventId,
        IncidentChange change,
        String tenant,
        UUID incidentId,
        IncidentStatus status,
        String fingerprint,
        String source,
        String resource,
        String check,
        Severity severity,
        String summary,
        Map<String, String> labels,
        long occurrences,
        Instant openedAt,
        Instant lastSeenAt,
        Instant resolvedAt,
        IncidentDecision decision,
        String actor,
        String note) implements ConsumedEvent {

    public IncidentEvent {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        decision = decision == null ? IncidentDecision.NONE : decision;
    }

    public String eventType() {
        return change.eventType();
    }

    /** A person or the policy has just judged it a real failure: the moment the customer is contacted. */
    public boolean contactsCustomer() {
        return change == IncidentChange.CONFIRMED;
    }

    /** A new incident that waits for a person's decision: the MSP's operators are told. */
    public boolean awaitsDecision() {
        return change == IncidentChange.OPENED && status != null && status.isUndecided();
    }

    /** It is over, and the customer, who heard of it, is to hear of the recovery. */
    public boolean reportsRecoveryToCustomer() {
        return change == IncidentChange.RESOLVED && decision.wasConfirmed() && decision.reportRecovery();
    }

    /** The first field every consumer needs that this event lacks, if any (a poison record's reason). */
    @Override
    public Optional<String> missingField() {
        if (incidentId == null) {
            return Optional.of("incidentId");
        }
        if (change == null) {
            return Optional.of("change");
        }
        return status == null ? Optional.of("status") : Optional.empty();
    }
}
