package dev.vigil.triage.store;

import dev.vigil.contracts.IncidentEvent;
import dev.vigil.contracts.Json;
import dev.vigil.contracts.Keys;
import dev.vigil.contracts.Topics;
import dev.vigil.platform.outbox.Outbox;
import dev.vigil.platform.outbox.OutboxEntry;
import dev.vigil.triage.Changes;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Writes what a decision changed inside the caller's transaction: incidents, alerts' states and suppressions,
 * timeline lines, deadlines, a rule suggestion, and the events in the outbox. One place, so alerts, people and the
 * clock change incidents alike.
 */
@ApplicationScoped
public class ChangeStore {
    private final IncidentStore incidents;
    private final TimelineStore timeline;
    private final DeadlineStore deadlines;
    private final RuleSuggestionStore suggestions;
    private final AlertStateStore states;
    private final SuppressionStore suppressions;
    private final Outbox outbox;

    public ChangeStore(IncidentStore incidents, TimelineStore timeline, DeadlineStore deadlines,
            RuleSuggestionStore suggestions, AlertStateStore states, SuppressionStore suppressions, Outbox outbox) {
        this.incidents = incidents;
        this.states = states;
        this.suppressions = suppressions;
        this.timeline = timeline;
        this.deadlines = deadlines;
        this.suggestions = suggestions;
        this.outbox = outbox;
    }

    public Uni<Void> write(SqlConnection connection, Changes changes) {
        return incidents.save(connection, changes.incidents())
                .chain(() -> states.save(connection, changes.states()))
                .chain(() -> suppressions.add(connection, changes.suppressions()))
                .chain(() -> timeline.append(connection, changes.timeline()))
                .chain(() -> deadlines.keep(connection, changes.deadlines()))
                .chain(() -> changes.suggestion().map(rule -> suggestions.add(connection, rule))
                        .orElse(Uni.createFrom().voidItem()))
                .chain(() -> outbox.append(connection, changes.events().stream().map(ChangeStore::entry).toList()));
    }

    private static OutboxEntry entry(IncidentEvent event) {
        return new OutboxEntry(event.eventId(), Topics.INCIDENTS, Keys.incident(event.tenant(), event.incidentId()),
                event.eventType(), event.tenant(), Json.write(event));
    }
}
