package dev.vigil.notify;

import java.time.Instant;
import java.util.UUID;

/** A customer's webhook endpoint: where the tenant's incident notifications go, and the secret that signs them. */
public record Endpoint(UUID id, String tenant, String url, String description, String secret, boolean enabled,
        Instant createdAt) {
}
