package dev.vigil.notify;

import dev.vigil.contracts.EventIds;
import dev.vigil.contracts.IncidentEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A delivery to create: one incident event to one endpoint, with the exact body every attempt will send. */
public record NewDelivery(UUID id, String tenant, UUID eventId, UUID incidentId, UUID endpointId, String eventType,
        String payload) {

    /**
     * The deliveries a batch of freshly received events calls for: one per event customers hear about and
     * enabled endpoint of its tenant. Ids derive from (event, endpoint), so a replay plans the same rows.
     *
     * @param events             by event id (the CloudEvents {@code ce_id})
     * @param endpointsByTenant  the enabled endpoints of each tenant in the batch
     */
    public static List<NewDelivery> plan(Map<UUID, IncidentEvent> events, Map<String, List<UUID>> endpointsByTenant) {
        List<NewDelivery> planned = new ArrayList<>();
        events.forEach((eventId, event) -> WebhookPayload.of(event).ifPresent(payload -> {
            String body = payload.toJson();
            for (UUID endpointId : endpointsByTenant.getOrDefault(event.tenant(), List.of())) {
                UUID id = EventIds.derived(eventId, "delivery", endpointId.toString());
                planned.add(new NewDelivery(id, event.tenant(), eventId, event.incidentId(), endpointId,
                        payload.type(), body));
            }
        }));
        return planned;
    }
}
