package dev.vigil.notify;

import dev.vigil.contracts.Audience;
import dev.vigil.contracts.EventIds;
import dev.vigil.contracts.Json;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Tells a tenant's staff (its operators' and supervisors' endpoints) that one of the tenant's endpoints was disabled
 * because its receiver answered 410 Gone: until someone acts, that audience hears nothing more.
 */
public final class EndpointNotice {
    public static final String DISABLED = "endpoint.disabled";

    /** The body, in the shape of every other webhook ({@code type}, {@code timestamp}, {@code data}). */
    public record Payload(String type, Instant timestamp, Data data) {
    }

    public record Data(UUID endpointId, String tenant, Audience audience, String url, String reason,
            String message) {
    }

    private EndpointNotice() {
    }

    /** One delivery per staff endpoint of the tenant; ids derive from the endpoint and when it was disabled. */
    public static List<NewDelivery> disabled(Endpoint endpoint, List<Recipient> tenantEndpoints) {
        UUID eventId = EventIds.derived(endpoint.id(), DISABLED, Long.toString(endpoint.disabledAt().toEpochMilli()));
        String body = Json.write(new Payload(DISABLED, endpoint.disabledAt(), new Data(endpoint.id(),
                endpoint.tenant(), endpoint.audience(), endpoint.url(), endpoint.disabledReason(), message(endpoint))));
        return tenantEndpoints.stream()
                .filter(recipient -> recipient.audience() != Audience.CUSTOMER)
                .filter(recipient -> !recipient.endpointId().equals(endpoint.id()))
                .filter(recipient -> recipient.wants(DISABLED, null))
                .map(staff -> new NewDelivery(EventIds.derived(eventId, "delivery", staff.endpointId().toString()),
                        endpoint.tenant(), eventId, null, staff.endpointId(), staff.audience(), DISABLED, body))
                .toList();
    }

    private static String message(Endpoint endpoint) {
        return "The " + endpoint.audience().wireName() + " endpoint " + endpoint.url() + " of " + endpoint.tenant()
                + " answered 410 Gone, so it is disabled and nothing more is sent to it. Once there is a working"
                + " endpoint, enable this one again (PATCH /v1/endpoints/" + endpoint.id() + " {\"enabled\": true})"
                + " or register the new one.";
    }
}
