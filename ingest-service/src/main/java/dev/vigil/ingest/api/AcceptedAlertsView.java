package dev.vigil.ingest.api;

import dev.vigil.contracts.Alert;
import java.util.List;
import java.util.UUID;

/** The 202 answer: how many alerts were accepted and the id and fingerprint of each, in request order. */
public record AcceptedAlertsView(int accepted, List<Accepted> alerts) {

    public record Accepted(UUID eventId, String fingerprint) {
    }

    static AcceptedAlertsView of(List<Alert> alerts) {
        return new AcceptedAlertsView(alerts.size(),
                alerts.stream().map(a -> new Accepted(a.eventId(), a.fingerprint())).toList());
    }
}
