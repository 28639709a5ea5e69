package dev.vigil.triage.noise;

import dev.vigil.triage.SuppressionReason;
import java.util.List;
import java.util.Map;

/** What a replay gave: its incidents, and how many firing alerts it held, by reason. */
public record Replayed(List<ReplayedIncident> incidents, Map<SuppressionReason, Long> held) {
}
