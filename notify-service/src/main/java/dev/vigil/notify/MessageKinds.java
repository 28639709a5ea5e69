package dev.vigil.notify;

import dev.vigil.contracts.Audience;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The message kinds each audience hears, which an endpoint may narrow down to those it wants. */
public final class MessageKinds {

    private MessageKinds() {
    }

    public static List<String> of(Audience audience) {
        List<String> kinds = new ArrayList<>(Arrays.stream(Notice.values())
                .filter(notice -> notice.audience() == audience).map(Notice::type).toList());
        if (audience != Audience.CUSTOMER) {
            kinds.add(EndpointNotice.DISABLED);
        }
        if (audience == Audience.SUPERVISORS) {
            kinds.add(HandoverNotice.OVERDUE);
        }
        return List.copyOf(kinds);
    }
}
