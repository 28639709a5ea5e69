package dev.vigil.triage;

import dev.vigil.contracts.IncidentEvent;
import java.util.List;

/**
 * What a batch of alerts did: the incidents whose state changed (final state, those resolved before those
 * open so an incident resolved and reopened in one batch never holds two open rows) and the events to emit.
 */
public record TriageResult(List<Incident> changed, List<IncidentEvent> events) {
}
