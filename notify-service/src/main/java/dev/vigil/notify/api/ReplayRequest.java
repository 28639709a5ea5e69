package dev.vigil.notify.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The optional body of {@code POST /v1/deliveries/{id}/replay}. */
@Schema(description = "Why a failed delivery is sent again")
public record ReplayRequest(
        @Schema(description = "Kept with the delivery, for whoever looks at it next (up to 2,000 characters)",
                examples = "The receiver's certificate was renewed, OPS-1234") String note) {
}
