package dev.vigil.ingest;

import java.time.Instant;

/** A customer of the MSP; every alert, incident and endpoint belongs to one. */
public record Tenant(String id, String name, Instant createdAt) {
}
