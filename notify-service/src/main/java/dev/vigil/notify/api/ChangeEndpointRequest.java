package dev.vigil.notify.api;

import dev.vigil.notify.EndpointUrl;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code PATCH /v1/endpoints/{id}}: each field given is changed, each left out stays as it is. */
@Schema(description = "The fields to change; at least one")
public record ChangeEndpointRequest(
        @Schema(description = "A new target, checked as a new endpoint's is")
        @Size(max = EndpointUrl.MAX_LENGTH, message = "must be at most {max} characters") String url,
        @Schema(description = "A new description; an empty one clears it")
        @Size(max = 500, message = "must be at most {max} characters") String description,
        @Schema(description = "false stops everything to it (pending deliveries wait, and expire); true enables it"
                + " again, after a person or a 410 Gone disabled it, and closes its circuit breaker")
        Boolean enabled,
        @Schema(description = CreateEndpointRequest.KINDS + "; given, it replaces the list") List<String> kinds,
        @Schema(description = CreateEndpointRequest.MIN_SEVERITY + "; info to hear every severity again",
                enumeration = {"critical", "major", "minor", "warning", "info"}) String minSeverity,
        @Schema(description = CreateEndpointRequest.LANGUAGE, enumeration = {"en", "ja"}) String language,
        @Schema(description = CreateEndpointRequest.TIME_ZONE, examples = "Asia/Tokyo") String timeZone) {

    @Schema(hidden = true)
    @AssertTrue(message = "name at least one of url, description, enabled, kinds, minSeverity, language, timeZone")
    public boolean isAnyGiven() {
        return url != null || description != null || enabled != null || kinds != null || minSeverity != null
                || language != null || timeZone != null;
    }
}
