package dev.vigil.triage;

import java.time.Instant;
import java.util.UUID;

/** An operator dismissed an incident as noise and asked for a rule that would have kept it away; the noise report lists it. */
public record RuleSuggestion(UUID incidentId, String tenant, String fingerprint, DismissReason reason, String note,
        String suggestedBy, Instant suggestedAt) {
}
