package dev.vigil.triage;

import dev.vigil.contracts.IncidentStatus;
import java.time.Instant;
import java.util.UUID;

/**
 * One line of an incident's append-only timeline: who did what, when, and the note.
 *
 * @param kind a change of the incident (opened, confirmed, ...) or a fact about it (customer-contacted,
 *             execution-opened, ...), see {@link TimelineKind}
 * @param from the status before, null when the entry changed no status
 * @param to   the status after, null when the entry changed no status
 */
public record TimelineEntry(UUID id, String tenant, UUID incidentId, Instant at, String actor, String kind,
        IncidentStatus from, IncidentStatus to, String note) {
}
