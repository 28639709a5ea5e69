package dev.vigil.notify;

import dev.vigil.contracts.Audience;
import java.time.Instant;
import java.util.UUID;

/** What a tenant's people can see of one delivery and its attempts so far. */
public record Delivery(
        UUID id,
        String tenant,
        UUID endpointId,
        Audience audience,
        UUID incidentId,
        UUID eventId,
        String eventType,
        DeliveryStatus status,
        int attempts,
        Integer lastStatusCode,
        String lastError,
        Instant createdAt,
        Instant deliveredAt,
        int replays,
        String replayedBy,
        Instant replayedAt,
        String replayNote) {
}
