package dev.vigil.contracts;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Deterministic event ids: an event caused by another gets an id derived from the cause's id and its
 * own type (and a discriminator where one cause yields several events), so a replay of the cause
 * produces the same id and consumers' inboxes recognise it.
 */
public final class EventIds {
    private EventIds() {
    }

    public static UUID derived(UUID causeId, String type) {
        return derived(causeId, type, "");
    }

    public static UUID derived(UUID causeId, String type, String discriminator) {
        String name = causeId + "|" + type + "|" + discriminator;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }
}
