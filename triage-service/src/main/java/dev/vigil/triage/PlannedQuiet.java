package dev.vigil.triage;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** The silences and maintenance windows of the tenants in hand: whether one holds an alert at a moment. */
public interface PlannedQuiet {
    PlannedQuiet NONE = (tenant, labels, at) -> Optional.empty();

    /**
     * The silence or window holding an alert with these labels at {@code at} (event time), with when the wall clock
     * should look at the alert again (the window's end), if any.
     */
    Optional<AlertState.Hold> holding(String tenant, Map<String, String> ruleLabels, Instant at);
}
