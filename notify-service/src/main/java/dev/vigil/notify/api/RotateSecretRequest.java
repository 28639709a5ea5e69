package dev.vigil.notify.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The optional body of {@code POST /v1/endpoints/{id}/rotate-secret}. */
@Schema(description = "How long the secret being replaced keeps signing alongside the new one")
public record RotateSecretRequest(
        @Schema(description = "An ISO 8601 duration from PT0S (switch at once) to P7D; PT24H when left out",
                examples = "PT24H") String overlap) {
}
