package dev.vigil.triage;

import java.time.Instant;
import java.util.UUID;

/**
 * A firing alert held out of incidents: counted per fingerprint, reason, reference and firing episode, so that "what
 * happened to this alert and why" has one answer.
 *
 * @param episodeAt  when the alert's firing episode began
 * @param at         when this firing was observed
 * @param incidentId the inhibiting incident, when there is one
 */
public record Suppression(String tenant, String fingerprint, SuppressionReason reason, String ref, Instant episodeAt,
        Instant at, UUID incidentId) {

    static Suppression of(AlertState held, Instant at) {
        return new Suppression(held.tenant(), held.fingerprint(), held.reason(), held.reasonRef(),
                held.episodeStartedAt(), at, held.incidentId());
    }
}
