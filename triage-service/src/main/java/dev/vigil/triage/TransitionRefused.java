package dev.vigil.triage;

import dev.vigil.contracts.IncidentStatus;

/** An action the incident's current state does not allow; the API answers 409 naming both. */
public class TransitionRefused extends RuntimeException {
    private final transient IncidentStatus current;

    public TransitionRefused(IncidentStatus current, OperatorAction action) {
        super("The incident is " + current.wireName() + "; it cannot be " + action.pastParticiple()
                + " (" + action.change().wireName() + " is allowed from " + action.allowedFrom().stream()
                .map(IncidentStatus::wireName).sorted().toList() + ")");
        this.current = current;
    }

    public IncidentStatus current() {
        return current;
    }
}
