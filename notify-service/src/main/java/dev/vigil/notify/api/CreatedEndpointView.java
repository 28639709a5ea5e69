package dev.vigil.notify.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.vigil.notify.Endpoint;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to creating an endpoint or rotating its secret: the only time its signing secret is shown. */
@Schema(description = "An endpoint with its signing secret, which no later answer shows")
public record CreatedEndpointView(
        @JsonUnwrapped EndpointView endpoint,
        @Schema(description = "Signs every delivery the Standard Webhooks way (webhook-signature: v1,<HMAC-SHA256>);"
                + " keep it to verify them") String secret) {

    static CreatedEndpointView of(Endpoint endpoint) {
        return new CreatedEndpointView(EndpointView.of(endpoint), endpoint.secret());
    }
}
