package dev.vigil.triage.store;

import dev.vigil.contracts.IncidentEvent;
import dev.vigil.contracts.Json;
import dev.vigil.contracts.Keys;
import dev.vigil.contracts.Topics;
import dev.vigil.platform.outbox.Outbox;
import dev.vigil.platform.outbox.OutboxEntry;
import dev.vigil.triage.AlertState;
import dev.vigil.triage.Changes;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

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
    private final PlannedQuietStore quiet;
    private final Outbox outbox;

    public ChangeStore(IncidentStore incidents, TimelineStore timeline, DeadlineStore deadlines,
            RuleSuggestionStore suggestions, AlertStateStore states, SuppressionStore suppressions,
            PlannedQuietStore quiet, Outbox outbox) {
        this.quiet = quiet;
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
                .chain(() -> endSilences(connection, changes.silencedResolved()))
                .chain(() -> timeline.append(connection, changes.timeline()))
                .chain(() -> deadlines.keep(connection, changes.deadlines()))
                .chain(() -> changes.suggestion().map(rule -> suggestions.add(connection, rule))
                        .orElse(Uni.createFrom().voidItem()))
                .chain(() -> outbox.append(connection, changes.events().stream().map(ChangeStore::entry).toList()));
    }

    /** Silenced alerts resolved: the until-resolved silences that now hold no firing alert end. */
    private Uni<Void> endSilences(SqlConnection connection, List<AlertState> resolved) {
        Map<String, List<AlertState>> byTenant = resolved.stream().collect(Collectors.groupingBy(AlertState::tenant));
        Uni<Void> done = Uni.createFrom().voidItem();
        for (Map.Entry<String, List<AlertState>> tenant : byTenant.entrySet()) {
            Set<UUID> silences = tenant.getValue().stream().map(state -> UUID.fromString(state.reasonRef()))
                    .collect(Collectors.toSet());
            Instant at = tenant.getValue().stream().map(AlertState::lastObservedAt).max(Instant::compareTo)
                    .orElseThrow();
            done = done.chain(() -> quiet.endUntilResolved(connection, tenant.getKey(), silences, at));
        }
        return done;
    }

    private static OutboxEntry entry(IncidentEvent event) {
        return new OutboxEntry(event.eventId(), Topics.INCIDENTS, Keys.incident(event.tenant(), event.incidentId()),
                event.eventType(), event.tenant(), Json.write(event));
    }
}
