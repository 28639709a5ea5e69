package dev.vigil.platform.outbox;

import java.util.UUID;

/** One event to publish: written with the state change, relayed to {@code topic} after commit. */
public record OutboxEntry(UUID eventId, String topic, String key, String type, String tenant, String payload) {
}
