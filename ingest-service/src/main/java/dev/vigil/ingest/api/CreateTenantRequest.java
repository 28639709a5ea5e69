package dev.vigil.ingest.api;

import dev.vigil.platform.security.TenantIds;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code POST /v1/tenants}. */
public record CreateTenantRequest(
        @NotBlank @Pattern(regexp = TenantIds.REGEX, message = TenantIds.RULE) String id,
        @NotBlank @Size(max = 200) String name) {
}
