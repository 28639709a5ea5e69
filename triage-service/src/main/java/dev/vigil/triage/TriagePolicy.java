package dev.vigil.triage;

import dev.vigil.contracts.Alert;
import dev.vigil.contracts.AlertStatus;
import dev.vigil.contracts.EventIds;
import dev.vigil.contracts.IncidentChange;
import dev.vigil.contracts.IncidentEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Decides what alerts do to incidents. A firing alert opens an incident for its fingerprint, or counts one more
 * occurrence of the open one; a resolved alert closes the open one (and is ignored when none is open).
 * Occurrence growth is reported once per batch per incident, so a storm of repeats does not become a storm
 * of events. Every id is derived from the alert that caused it, so reapplying a batch yields the same ids.
 */
public final class TriagePolicy {
    static final String INCIDENT_ID_KIND = "incident";

    private TriagePolicy() {
    }

    /**
     * @param alerts in the order they were published (per fingerprint, Kafka keeps that order)
     * @param open   the currently open incidents of the alerts' fingerprints
     */
    public static TriageResult apply(List<Alert> alerts, Map<IncidentKey, Incident> open) {
        Map<IncidentKey, Incident> current = new HashMap<>(open);
        Map<UUID, Incident> changed = new LinkedHashMap<>();
        Map<UUID, Long> reportedOccurrences = new HashMap<>();
        Map<UUID, UUID> lastCause = new HashMap<>();
        List<IncidentEvent> events = new ArrayList<>();
        open.values().forEach(incident -> reportedOccurrences.put(incident.id(), incident.occurrences()));

        for (Alert alert : alerts) {
            IncidentKey key = new IncidentKey(alert.tenant(), alert.fingerprint());
            Incident incident = current.get(key);
            if (alert.status() == AlertStatus.FIRING) {
                if (incident == null) {
                    Incident opened = Incident.openedBy(EventIds.derived(alert.eventId(), INCIDENT_ID_KIND), alert);
                    events.add(opened.event(EventIds.derived(alert.eventId(), IncidentChange.OPENED.eventType()),
                            IncidentChange.OPENED));
                    reportedOccurrences.put(opened.id(), opened.occurrences());
                    incident = opened;
                } else {
                    incident = incident.recordOccurrence(alert);
                    lastCause.put(incident.id(), alert.eventId());
                }
                current.put(key, incident);
                changed.put(incident.id(), incident);
            } else if (incident != null) {
                Incident resolved = incident.resolve(alert);
                events.add(resolved.event(EventIds.derived(alert.eventId(), IncidentChange.RESOLVED.eventType()),
                        IncidentChange.RESOLVED));
                current.remove(key);
                changed.put(resolved.id(), resolved);
            }
        }

        for (Incident incident : changed.values()) {
            if (incident.isOpen() && incident.occurrences() > reportedOccurrences.get(incident.id())) {
                UUID cause = lastCause.get(incident.id());
                events.add(incident.event(EventIds.derived(cause, IncidentChange.UPDATED.eventType()),
                        IncidentChange.UPDATED));
            }
        }
        List<Incident> ordered = new ArrayList<>(changed.values());
        ordered.sort(Comparator.comparing(Incident::isOpen));
        return new TriageResult(ordered, events);
    }
}
