package dev.vigil.triage.window;

import dev.vigil.triage.rules.Matcher;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * What the triage engine needs of a maintenance window: whose alerts it covers and when. Alerts inside an occurrence
 * are planned work.
 *
 * @param matchers every one must hold; none means every alert of the tenant
 */
public record WindowRule(UUID id, String tenant, List<Matcher> matchers, WindowSchedule schedule) {

    public WindowRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenant, "tenant");
        matchers = List.copyOf(matchers);
        Objects.requireNonNull(schedule, "schedule");
    }

    /** The occurrence in force at {@code observedAt}, when the window covers an alert with these labels. */
    public Optional<Occurrence> covering(Map<String, String> labels, Instant observedAt) {
        return Matcher.all(matchers, labels) ? schedule.occurrenceAt(observedAt) : Optional.empty();
    }
}
