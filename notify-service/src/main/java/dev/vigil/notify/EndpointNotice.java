package dev.vigil.notify;

import dev.vigil.contracts.Audience;
import dev.vigil.contracts.EventIds;
import dev.vigil.contracts.Json;
import dev.vigil.notify.message.Format;
import dev.vigil.notify.message.Language;
import dev.vigil.notify.message.Message;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

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
            Language language, String subject, String message) {
    }

    private EndpointNotice() {
    }

    /**
     * One delivery per staff endpoint of the tenant wanting the notice, in its format; ids derive from the endpoint
     * and when it was disabled.
     */
    public static List<NewDelivery> disabled(Endpoint endpoint, List<Recipient> tenantEndpoints,
            Function<Format, String> bodies) {
        UUID eventId = EventIds.derived(endpoint.id(), DISABLED, Long.toString(endpoint.disabledAt().toEpochMilli()));
        Map<Format, String> written = new HashMap<>();
        return tenantEndpoints.stream()
                .filter(recipient -> recipient.audience() != Audience.CUSTOMER)
                .filter(recipient -> !recipient.endpointId().equals(endpoint.id()))
                .filter(recipient -> recipient.wants(DISABLED, null))
                .map(staff -> new NewDelivery(EventIds.derived(eventId, "delivery", staff.endpointId().toString()),
                        endpoint.tenant(), eventId, null, staff.endpointId(), staff.audience(), DISABLED,
                        written.computeIfAbsent(staff.format(), bodies)))
                .toList();
    }

    /** The JSON webhook's body, carrying {@code message} as written for its reader. */
    public static String payload(Endpoint endpoint, Message message, Language language) {
        return Json.write(new Payload(DISABLED, endpoint.disabledAt(), new Data(endpoint.id(), endpoint.tenant(),
                endpoint.audience(), endpoint.url(), endpoint.disabledReason(), language, message.subject(),
                message.body())));
    }
}
