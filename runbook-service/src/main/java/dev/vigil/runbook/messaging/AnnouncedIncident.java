package dev.vigil.runbook.messaging;

import dev.vigil.contracts.IncidentEvent;
import java.util.UUID;

/**
 * An incident event read off the topic.
 *
 * @param eventId the record's {@code ce_id}: what the inbox dedupes on and what derived ids grow from
 */
record AnnouncedIncident(UUID eventId, IncidentEvent event) {
}
