package dev.vigil.triage.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.vigil.contracts.Alert;
import dev.vigil.contracts.Json;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Reads an alert off a record, or says why the record is poison. */
final class AlertDecoder {
    private AlertDecoder() {
    }

    sealed interface Decoded permits Valid, Poison {
    }

    record Valid(Alert alert) implements Decoded {
    }

    record Poison(String reason) implements Decoded {
    }

    static Decoded decode(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            return new Poison("empty record");
        }
        Alert alert;
        try {
            alert = Json.read(record.value(), Alert.class);
        } catch (JsonProcessingException e) {
            return new Poison("not an alert: " + e.getOriginalMessage());
        }
        return missingField(alert).<Decoded>map(field -> new Poison("alert without " + field))
                .orElseGet(() -> new Valid(alert));
    }

    private static Optional<String> missingField(Alert alert) {
        if (alert.eventId() == null) {
            return Optional.of("eventId");
        }
        if (alert.tenant() == null || alert.tenant().isBlank()) {
            return Optional.of("tenant");
        }
        if (alert.fingerprint() == null || alert.fingerprint().isBlank()) {
            return Optional.of("fingerprint");
        }
        if (alert.severity() == null) {
            return Optional.of("severity");
        }
        if (alert.status() == null) {
            return Optional.of("status");
        }
        if (alert.observedAt() == null) {
            return Optional.of("observedAt");
        }
        if (alert.source() == null || alert.resource() == null || alert.check() == null || alert.summary() == null) {
            return Optional.of("source, resource, check or summary");
        }
        return Optional.empty();
    }
}
