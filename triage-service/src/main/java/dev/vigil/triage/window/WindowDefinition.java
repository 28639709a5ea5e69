package dev.vigil.triage.window;

import dev.vigil.triage.rules.Matcher;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * What a maintenance window says, the part a replacement changes.
 *
 * @param matchers every one must hold; none means every alert of the tenant
 * @param zone     the zone the schedule's local times are read in (kept for one-off windows too, for people)
 * @param comment  null when none was given
 */
public record WindowDefinition(String name, List<Matcher> matchers, ZoneId zone, String comment,
        WindowSchedule schedule) {

    public WindowDefinition {
        Objects.requireNonNull(name, "name");
        matchers = List.copyOf(matchers);
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(schedule, "schedule");
    }
}
