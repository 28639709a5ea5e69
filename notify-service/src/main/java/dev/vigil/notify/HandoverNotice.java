package dev.vigil.notify;

import dev.vigil.contracts.HandoverOverdueEvent;
import dev.vigil.contracts.Json;
import dev.vigil.notify.message.Language;
import dev.vigil.notify.message.Message;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Tells a tenant's supervisors that items of a shift handover about the tenant were not taken over in time. */
public final class HandoverNotice {
    public static final String OVERDUE = "handover.overdue";

    /** The body, in the shape of every other webhook ({@code type}, {@code timestamp}, {@code data}). */
    public record Payload(String type, Instant timestamp, Data data) {
    }

    public record Data(UUID handoverId, String tenant, String shift, String nextShift, String writtenBy,
            Instant writtenAt, Instant acknowledgeBy, List<HandoverOverdueEvent.Item> items, Language language,
            String subject, String message) {
    }

    private HandoverNotice() {
    }

    /** The JSON webhook's body, carrying {@code message} as written for its reader. */
    public static String payload(HandoverOverdueEvent e, Message message, Language language) {
        return Json.write(new Payload(OVERDUE, e.acknowledgeBy(), new Data(e.handoverId(), e.tenant(), e.shift(),
                e.nextShift(), e.writtenBy(), e.writtenAt(), e.acknowledgeBy(), e.items(), language,
                message.subject(), message.body())));
    }
}
