package dev.vigil.notify.api;

import dev.vigil.notify.Delivery;
import dev.vigil.notify.DeliveryStatus;
import java.time.Instant;
import java.util.UUID;

/** A delivery as its tenant sees it; {@code id} is the {@code webhook-id} the endpoint received. */
public record DeliveryView(
        UUID id,
        String tenant,
        UUID endpointId,
        UUID incidentId,
        UUID eventId,
        String eventType,
        DeliveryStatus status,
        int attempts,
        Integer lastStatusCode,
        String lastError,
        Instant createdAt,
        Instant deliveredAt) {

    static DeliveryView of(Delivery d) {
        return new DeliveryView(d.id(), d.tenant(), d.endpointId(), d.incidentId(), d.eventId(), d.eventType(), d.status(),
                d.attempts(), d.lastStatusCode(), d.lastError(), d.createdAt(), d.deliveredAt());
    }
}
