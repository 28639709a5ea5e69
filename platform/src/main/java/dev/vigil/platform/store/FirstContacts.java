package dev.vigil.platform.store;

import dev.vigil.contracts.NotificationOutcome;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.UUID;

/**
 * Delivered outcomes as the three arrays a first-contact statement unnests: {@code $1} tenants, {@code $2}
 * incident ids, {@code $3} delivery times. Triage keeps the first contact on the incident, runbook in its metrics.
 */
public final class FirstContacts {
    private FirstContacts() {
    }

    public static Tuple columns(Collection<NotificationOutcome> delivered) {
        int n = delivered.size();
        String[] tenants = new String[n];
        UUID[] incidents = new UUID[n];
        OffsetDateTime[] at = new OffsetDateTime[n];
        int i = 0;
        for (NotificationOutcome outcome : delivered) {
            tenants[i] = outcome.tenant();
            incidents[i] = outcome.incidentId();
            at[i] = outcome.occurredAt().atOffset(ZoneOffset.UTC);
            i++;
        }
        return Tuple.of(tenants, incidents, at);
    }
}
