package dev.vigil.platform.http;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import jakarta.validation.constraints.Min;

/**
 * The request limits {@link RequestLimits} enforces. The URI limit sits below Netty's
 * ({@code quarkus.http.limits.max-initial-line-length}, raised in META-INF/microprofile-config.properties) so
 * that a too-long URI reaches a handler that can answer problem+json.
 */
@ConfigMapping(prefix = "vigil.http")
public interface HttpLimitsConfig {
    @WithName("max-uri-length")
    @WithDefault("4096")
    @Min(64)
    int maxUriLength();
}
