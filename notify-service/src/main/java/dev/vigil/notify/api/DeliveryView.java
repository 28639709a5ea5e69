package dev.vigil.notify.api;

import dev.vigil.contracts.Audience;
import dev.vigil.notify.Delivery;
import dev.vigil.notify.DeliveryStatus;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A delivery as its tenant sees it; {@code id} is the {@code webhook-id} the endpoint received. */
@Schema(description = "One incident event sent, or being sent, to one endpoint")
public record DeliveryView(
        @Schema(description = "The webhook-id header the endpoint received") UUID id,
        String tenant,
        UUID endpointId,
        @Schema(description = "Who reads the endpoint it went to") Audience audience,
        UUID incidentId,
        UUID eventId,
        String eventType,
        DeliveryStatus status,
        @Schema(description = "How many attempts were made") int attempts,
        @Schema(description = "The endpoint's HTTP status on the last attempt; null before one, or if it did not"
                + " answer") Integer lastStatusCode,
        @Schema(description = "Why the last attempt failed; null if none did") String lastError,
        Instant createdAt,
        Instant deliveredAt,
        @Schema(description = "How often it was sent again by hand after it failed") int replays,
        @Schema(description = "Who last sent it again; null if nobody did") String replayedBy,
        @Schema(description = "When it was last sent again; null if it never was") Instant replayedAt,
        @Schema(description = "Why it was last sent again, as its sender said; null if not said") String replayNote) {

    static DeliveryView of(Delivery d) {
        return new DeliveryView(d.id(), d.tenant(), d.endpointId(), d.audience(), d.incidentId(), d.eventId(),
                d.eventType(), d.status(), d.attempts(), d.lastStatusCode(), d.lastError(), d.createdAt(),
                d.deliveredAt(), d.replays(), d.replayedBy(), d.replayedAt(), d.replayNote());
    }
}
