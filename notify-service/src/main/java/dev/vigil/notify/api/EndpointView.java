package dev.vigil.notify.api;

import dev.vigil.notify.Endpoint;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An endpoint as listed: never with its secret. */
@Schema(description = "A webhook endpoint; its secret is never shown again")
public record EndpointView(UUID id, String tenant, String url, String description, boolean enabled,
        Instant createdAt) {

    static EndpointView of(Endpoint endpoint) {
        return new EndpointView(endpoint.id(), endpoint.tenant(), endpoint.url(), endpoint.description(), endpoint.enabled(),
                endpoint.createdAt());
    }
}
