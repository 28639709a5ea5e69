package dev.vigil.contracts;

import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * The final outcome of one delivery (one incident event to one endpoint) on {@link Topics#NOTIFICATIONS}.
 *
 * @param causeEventId the incident event that was delivered
 * @param statusCode   the receiver's last HTTP status, 0 when no response came
 */
public record NotificationOutcome(
        UUID eventId,
        String tenant,
        UUID incidentId,
        UUID causeEventId,
        UUID deliveryId,
        UUID endpointId,
        Result result,
        int attempts,
        int statusCode,
        Instant occurredAt) implements TenantScoped {

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
