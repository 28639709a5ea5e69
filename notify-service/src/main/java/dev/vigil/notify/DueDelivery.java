package dev.vigil.notify;

import dev.vigil.contracts.Audience;
import dev.vigil.contracts.EventIds;
import dev.vigil.contracts.NotificationOutcome;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A delivery claimed for one attempt, with what sending needs.
 *
 * @param incidentId the incident it tells of; null for a notice about an endpoint ({@link EndpointNotice})
 * @param audience who the stored body was written for, as planned
 * @param attempts the attempts so far including this one; it also fences the claim, so a result recorded
 *                 after another replica re-claimed the row (lease expired) is ignored
 * @param replays  how often it was sent again by hand after it failed
 * @param secrets  what its webhook is signed with: the endpoint's secret, and the previous one during a rotation
 * @param endpointFailures the endpoint's failed attempts in a row when this one was claimed (its circuit breaker)
 */
public record DueDelivery(
        UUID id,
        String tenant,
        UUID eventId,
        UUID incidentId,
        UUID endpointId,
        Audience audience,
        String payload,
        int attempts,
        String url,
        List<String> secrets,
        int replays,
        int endpointFailures) {

    /**
     * The event telling triage and runbook how this delivery of an incident ended; its id is stable per (delivery,
     * result, replay round). Empty for a notice that belongs to no incident.
     */
    public Optional<NotificationOutcome> outcome(NotificationOutcome.Result result, int statusCode, Instant now) {
        if (incidentId == null) {
            return Optional.empty();
        }
        UUID outcomeId = EventIds.derived(id, result.eventType(), replays == 0 ? "" : "replay-" + replays);
        return Optional.of(new NotificationOutcome(outcomeId, tenant, incidentId, eventId, id,
                endpointId, audience, result, attempts, statusCode, now));
    }
}
