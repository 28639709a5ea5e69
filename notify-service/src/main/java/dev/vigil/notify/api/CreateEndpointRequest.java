package dev.vigil.notify.api;

import dev.vigil.notify.EndpointUrl;
import dev.vigil.platform.security.TenantIds;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /v1/endpoints}. A customer may leave {@code tenant} out (its token names one); staff name
 * one of the tenants their token lists ({@link dev.vigil.platform.security.CallerScope#forWrite}).
 */
public record CreateEndpointRequest(
        @Pattern(regexp = TenantIds.REGEX, message = TenantIds.RULE) String tenant,
        @NotBlank(message = "is required")
        @Size(max = EndpointUrl.MAX_LENGTH, message = "must be at most {max} characters")
        String url,
        @Size(max = 500, message = "must be at most {max} characters") String description) {
}
