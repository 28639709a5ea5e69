package dev.vigil.notify.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The optional body of {@code POST /v1/endpoints/{id}/test}. */
@Schema(description = "Why the endpoint is tested; the receiver sees it in the test message")
public record TestRequest(
        @Schema(description = "Carried in the test webhook's data (up to 2,000 characters)",
                examples = "Checking the new firewall rule, OPS-1250") String note) {
}
