package dev.vigil.notify.api;

import dev.vigil.notify.EndpointUrl;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The tenant is never part of the body: it comes from the caller's token. */
public record CreateEndpointRequest(
        @NotBlank(message = "is required")
        @Size(max = EndpointUrl.MAX_LENGTH, message = "must be at most {max} characters")
        String url,
        @Size(max = 500, message = "must be at most {max} characters") String description) {
}
