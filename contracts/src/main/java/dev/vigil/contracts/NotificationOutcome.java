package dev.vigil.contracts;

import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The final outcome of one delivery (one incident event to one endpoint) on {@link Topics#NOTIFICATIONS}.
 *
 * @param causeEventId the incident event that was delivered
 * @param audience     who reads the endpoint: triage keeps the first delivery to the customer as first contact
 * @param statusCode   the receiver's last HTTP status, 0 when no response came
 */
public record NotificationOutcome(
        UUID eventId,
        String tenant,
        UUID incidentId,
        UUID causeEventId,
        UUID deliveryId,
        UUID endpointId,
        Audience audience,
        Result result,
        int attempts,
        int statusCode,
        Instant occurredAt) implements ConsumedEvent {

    @Override
    public Optional<String> missingField() {
        if (incidentId == null) {
            return Optional.of("incidentId");
        }
        if (audience == null) {
            return Optional.of("audience");
        }
        return result == null || occurredAt == null ? Optional.of("result or occurredAt") : Optional.empty();
    }

    public enum Result {
        DELIVERED(EventTypes.NOTIFICATION_DELIVERED),
        FAILED(EventTypes.NOTIFICATION_FAILED);

        private final String eventType;

        Result(String eventType) {
            this.eventType = eventType;
        }

        public String eventType() {
            return eventType;
        }

        @JsonValue
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
