package dev.vigil.ingest;

import java.time.Instant;
import java.util.UUID;

/** An ingest key as listed: never the key itself, only the prefix that tells keys apart. */
public record IngestKey(UUID id, String tenant, String name, String prefix, Instant createdAt, Instant revokedAt) {
}
