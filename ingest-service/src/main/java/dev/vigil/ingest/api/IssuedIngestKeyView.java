package dev.vigil.ingest.api;

import java.time.Instant;
import java.util.UUID;

/** A new ingest key, shown once: only the hash of {@code key} is kept. */
public record IssuedIngestKeyView(UUID id, String tenant, String name, String key, String prefix, Instant createdAt) {
}
