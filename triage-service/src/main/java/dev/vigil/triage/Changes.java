package dev.vigil.triage;

import dev.vigil.contracts.IncidentChange;
import dev.vigil.contracts.IncidentEvent;
import dev.vigil.contracts.IncidentStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What one decision did, for the store to write in one transaction: the incidents in their final state, the events
 * for the outbox, the timeline lines, the deadlines to keep, the alerts' states and suppressions, and a rule
 * suggestion from a dismissal.
 */
public final class Changes {
    private final Map<UUID, Incident> incidents = new LinkedHashMap<>();
    private final List<IncidentEvent> events = new ArrayList<>();
    private final List<TimelineEntry> timeline = new ArrayList<>();
    private final List<Deadline> deadlines = new ArrayList<>();
    private final Map<AlertKey, AlertState> states = new LinkedHashMap<>();
    private final List<Suppression> suppressions = new ArrayList<>();
    private final List<AlertState> silencedResolved = new ArrayList<>();
    private RuleSuggestion suggestion;

    /**
     * A change of {@code after}: its event, and a timeline line unless the change only counted more alerts.
     *
     * @param before its state before, null for a new incident
     */
    public Incident change(Incident before, Incident after, UUID eventId, IncidentChange change, String actor,
            String note, Instant at) {
        announce(after, eventId, change, actor, note);
        if (change != IncidentChange.UPDATED) {
            IncidentStatus from = before == null ? null : before.status();
            boolean moved = from != after.status();
            timeline.add(new TimelineEntry(eventId, after.tenant(), after.id(), at, actor, change.wireName(),
                    moved ? from : null, moved ? after.status() : null, note));
        }
        return after;
    }

    /** Saves {@code incident} and emits its event, without a timeline line. */
    public void announce(Incident incident, UUID eventId, IncidentChange change, String actor, String note) {
        incidents.put(incident.id(), incident);
        events.add(incident.event(eventId, change, actor, note));
    }

    /** A state to save that people are told of elsewhere (by a later event) or not at all. */
    public Incident save(Incident incident) {
        incidents.put(incident.id(), incident);
        return incident;
    }

    public void fact(TimelineEntry entry) {
        timeline.add(entry);
    }

    public void deadline(Deadline deadline) {
        deadlines.add(deadline);
    }

    /** An alert's new state. */
    public void state(AlertState state) {
        states.put(state.key(), state);
    }

    public void suppressed(Suppression suppression) {
        suppressions.add(suppression);
    }

    /** A silenced alert resolved: a silence "until resolved" ends when the last alert it holds does. */
    public void silencedResolved(AlertState state) {
        silencedResolved.add(state);
    }

    public void suggest(RuleSuggestion rule) {
        suggestion = rule;
    }

    /**
     * Final states, the resolved ones first: an incident resolved and another opened for its fingerprint in one
     * batch never hold two live rows at once.
     */
    public List<Incident> incidents() {
        List<Incident> ordered = new ArrayList<>(incidents.values());
        ordered.sort(Comparator.comparing(Incident::isLive));
        return ordered;
    }

    public List<IncidentEvent> events() {
        return List.copyOf(events);
    }

    public List<TimelineEntry> timeline() {
        return List.copyOf(timeline);
    }

    public List<Deadline> deadlines() {
        return List.copyOf(deadlines);
    }

    public List<AlertState> states() {
        return List.copyOf(states.values());
    }

    public List<Suppression> suppressions() {
        return List.copyOf(suppressions);
    }

    public List<AlertState> silencedResolved() {
        return List.copyOf(silencedResolved);
    }

    public Optional<RuleSuggestion> suggestion() {
        return Optional.ofNullable(suggestion);
    }

    /** Adds what {@code later} did after this; its incidents' states replace this one's. */
    public void merge(Changes later) {
        later.incidents.values().forEach(this::save);
        events.addAll(later.events);
        timeline.addAll(later.timeline);
        deadlines.addAll(later.deadlines);
        later.states.values().forEach(this::state);
        suppressions.addAll(later.suppressions);
        silencedResolved.addAll(later.silencedResolved);
        if (later.suggestion != null) {
            suggestion = later.suggestion;
        }
    }

    public boolean isEmpty() {
        return incidents.isEmpty() && timeline.isEmpty() && deadlines.isEmpty() && states.isEmpty();
    }
}
