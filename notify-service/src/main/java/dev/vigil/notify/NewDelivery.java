package dev.vigil.notify;

import dev.vigil.contracts.Audience;
import dev.vigil.contracts.EventIds;
import dev.vigil.contracts.IncidentEvent;
import dev.vigil.contracts.Severity;
import dev.vigil.notify.message.Format;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * A delivery to create: one incident event to one endpoint, with the exact body every attempt will send and the
 * audience it was written for.
 */
public record NewDelivery(UUID id, String tenant, UUID eventId, UUID incidentId, UUID endpointId, Audience audience,
        String eventType, String payload) {

    /** Writes the body a notice of an event sends to endpoints of one format. */
    @FunctionalInterface
    public interface Bodies {
        String of(Notice notice, IncidentEvent event, Format format);
    }

    /**
     * The deliveries a batch of freshly received events calls for: one per event that someone hears of
     * ({@link AudiencePolicy}) and enabled endpoint of its tenant read by that audience and wanting its kind and
     * severity. Ids derive from
     * (event, endpoint), so a replay plans the same rows.
     *
     * @param events             by event id (the CloudEvents {@code ce_id})
     * @param endpointsByTenant  the enabled endpoints of each tenant in the batch
     * @param bodies             writes a notice's body for endpoints of a format
     */
    public static List<NewDelivery> plan(Map<UUID, IncidentEvent> events,
            Map<String, List<Recipient>> endpointsByTenant, Bodies bodies) {
        List<NewDelivery> planned = new ArrayList<>();
        events.forEach((eventId, event) -> AudiencePolicy.noticeOf(event).ifPresent(notice -> planned.addAll(
                fanOut(eventId, event.tenant(), event.incidentId(), notice.audience(), notice.type(),
                        event.severity(), endpointsByTenant.getOrDefault(event.tenant(), List.of()),
                        format -> bodies.of(notice, event, format)))));
        return planned;
    }

    /**
     * One delivery of event {@code eventId}, of webhook {@code type}, to each of the tenant's {@code endpoints} read
     * by {@code audience} that wants the type and {@code severity} (null when not known). Ids derive from (event,
     * endpoint), so a replay plans the same rows.
     *
     * @param incidentId the incident it tells of; null for a notice about something else
     * @param bodies     writes the body for endpoints of a format
     */
    public static List<NewDelivery> fanOut(UUID eventId, String tenant, UUID incidentId, Audience audience,
            String type, Severity severity, List<Recipient> endpoints, Function<Format, String> bodies) {
        // endpoints that take the same format get the same bytes, written once
        Map<Format, String> written = new HashMap<>();
        return endpoints.stream()
                .filter(recipient -> recipient.audience() == audience)
                .filter(recipient -> recipient.wants(type, severity))
                .map(recipient -> new NewDelivery(EventIds.derived(eventId, "delivery",
                        recipient.endpointId().toString()), tenant, eventId, incidentId, recipient.endpointId(),
                        audience, type, written.computeIfAbsent(recipient.format(), bodies)))
                .toList();
    }
}
