package dev.vigil.platform.messaging;

import dev.vigil.contracts.CloudEventHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** Reads the CloudEvents attributes of a consumed record from its ce_* headers. */
public final class IncomingEvent {
    private IncomingEvent() {
    }

    /** The event id; empty when the header is missing or not a UUID (a poison record). */
    public static Optional<UUID> id(ConsumerRecord<String, String> record) {
        return header(record, CloudEventHeaders.ID).flatMap(value -> {
            try {
                return Optional.of(UUID.fromString(value));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        });
    }

    public static Optional<String> header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? Optional.empty() : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }
}
