package dev.vigil.triage;

import dev.vigil.contracts.IncidentChange;
import dev.vigil.contracts.IncidentStatus;
import java.util.Set;

/** What a person does to an incident, and the states it is allowed from. */
public sealed interface OperatorAction {

    IncidentChange change();

    Set<IncidentStatus> allowedFrom();

    /** The verb in a refusal: "it cannot be confirmed". */
    String pastParticiple();

    /** Claims it: the operator is now working on the decision. */
    record Acknowledge(String note) implements OperatorAction {
        public IncidentChange change() {
            return IncidentChange.ACKNOWLEDGED;
        }

        public Set<IncidentStatus> allowedFrom() {
            return Set.of(IncidentStatus.OPEN);
        }

        public String pastParticiple() {
            return "acknowledged";
        }
    }

    /**
     * A real failure: the customer must be contacted. A dismissed incident may still be confirmed while it is
     * live, since nothing of it has reached the customer yet.
     */
    record Confirm(String customerNote) implements OperatorAction {
        public IncidentChange change() {
            return IncidentChange.CONFIRMED;
        }

        public Set<IncidentStatus> allowedFrom() {
            return Set.of(IncidentStatus.OPEN, IncidentStatus.ACKNOWLEDGED, IncidentStatus.DISMISSED);
        }

        public String pastParticiple() {
            return "confirmed";
        }
    }

    /** Noise: nothing reaches the customer. A confirmed incident cannot be dismissed: the customer has heard of it. */
    record Dismiss(DismissReason reason, String note, boolean suggestRule) implements OperatorAction {
        public IncidentChange change() {
            return IncidentChange.DISMISSED;
        }

        public Set<IncidentStatus> allowedFrom() {
            return Set.of(IncidentStatus.OPEN, IncidentStatus.ACKNOWLEDGED);
        }

        public String pastParticiple() {
            return "dismissed";
        }
    }

    record Assign(String assignee, String note) implements OperatorAction {
        public IncidentChange change() {
            return IncidentChange.ASSIGNED;
        }

        public Set<IncidentStatus> allowedFrom() {
            return Set.of(IncidentStatus.OPEN, IncidentStatus.ACKNOWLEDGED, IncidentStatus.CONFIRMED,
                    IncidentStatus.DISMISSED, IncidentStatus.RECOVERING);
        }

        public String pastParticiple() {
            return "assigned";
        }
    }

    /** Comments are welcome at any time, also on a resolved incident (what was learned). */
    record Comment(String text) implements OperatorAction {
        public IncidentChange change() {
            return IncidentChange.COMMENTED;
        }

        public Set<IncidentStatus> allowedFrom() {
            return Set.of(IncidentStatus.values());
        }

        public String pastParticiple() {
            return "commented on";
        }
    }
}
