package dev.vigil.notify;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.vigil.contracts.Audience;
import dev.vigil.contracts.Json;
import java.time.Instant;
import java.util.UUID;

/**
 * The sample webhook {@code POST /v1/endpoints/{id}/test} sends: signed like every delivery, in the same shape, with
 * a type of its own so a receiver can tell it from a real notice and drop it.
 */
public final class EndpointTest {
    public static final String TYPE = "endpoint.test";

    public record Payload(String type, Instant timestamp, Data data) {
    }

    /** @param note why it was sent, as its sender said; left out when not said */
    public record Data(UUID endpointId, String tenant, Audience audience, String requestedBy,
            @JsonInclude(JsonInclude.Include.NON_NULL) String note, String message) {
    }

    private EndpointTest() {
    }

    public static String payload(Endpoint endpoint, String requestedBy, String note, Instant now) {
        return Json.write(new Payload(TYPE, now, new Data(endpoint.id(), endpoint.tenant(), endpoint.audience(),
                requestedBy, note, "A test message from Vigil, sent on request to check that this endpoint receives and"
                        + " verifies our webhooks. Nothing has happened: no action is needed.")));
    }
}
