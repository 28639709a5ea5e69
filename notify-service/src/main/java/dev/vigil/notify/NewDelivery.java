package dev.vigil.notify;

import dev.vigil.contracts.Audience;
import dev.vigil.contracts.EventIds;
import dev.vigil.contracts.IncidentEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A delivery to create: one incident event to one endpoint, with the exact body every attempt will send and the
 * audience it was written for.
 */
public record NewDelivery(UUID id, String tenant, UUID eventId, UUID incidentId, UUID endpointId, Audience audience,
        String eventType, String payload) {

    /**
     * The deliveries a batch of freshly received events calls for: one per event that someone hears of
     * ({@link AudiencePolicy}) and enabled endpoint of its tenant read by that audience and wanting its kind and
     * severity. Ids derive from
     * (event, endpoint), so a replay plans the same rows.
     *
     * @param events             by event id (the CloudEvents {@code ce_id})
     * @param endpointsByTenant  the enabled endpoints of each tenant in the batch
     */
    public static List<NewDelivery> plan(Map<UUID, IncidentEvent> events,
            Map<String, List<Recipient>> endpointsByTenant) {
        List<NewDelivery> planned = new ArrayList<>();
        events.forEach((eventId, event) -> AudiencePolicy.noticeOf(event).ifPresent(notice -> {
            List<Recipient> hearing = endpointsByTenant.getOrDefault(event.tenant(), List.of()).stream()
                    .filter(recipient -> recipient.audience() == notice.audience())
                    .filter(recipient -> recipient.wants(notice.type(), event.severity())).toList();
            if (hearing.isEmpty()) {
                return;
            }
            String body = WebhookPayload.of(notice, event).toJson();
            for (Recipient recipient : hearing) {
                UUID id = EventIds.derived(eventId, "delivery", recipient.endpointId().toString());
                planned.add(new NewDelivery(id, event.tenant(), eventId, event.incidentId(), recipient.endpointId(),
                        notice.audience(), notice.type(), body));
            }
        }));
        return planned;
    }
}
