package dev.vigil.notify.api;

import dev.vigil.notify.Endpoint;
import java.time.Instant;
import java.util.UUID;

/** The answer to creating an endpoint: the only time its signing secret is shown. */
public record CreatedEndpointView(UUID id, String tenant, String url, String description, boolean enabled, Instant createdAt,
        String secret) {

    static CreatedEndpointView of(Endpoint endpoint) {
        return new CreatedEndpointView(endpoint.id(), endpoint.tenant(), endpoint.url(), endpoint.description(), endpoint.enabled(),
                endpoint.createdAt(), endpoint.secret());
    }
}
