package dev.vigil.triage.silence;

import dev.vigil.triage.rules.Matcher;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * What the triage engine needs of a silence: which alerts it keeps quiet, and from when to when.
 *
 * @param matchers      at least one; every one must hold
 * @param endsAt        excluded; null while an until-resolved silence has not been ended
 * @param untilResolved it holds until the alerts it silences resolve, when the engine ends it
 *                      ({@link dev.vigil.triage.store.PlannedQuietStore#endUntilResolved})
 */
public record SilenceRule(UUID id, String tenant, List<Matcher> matchers, Instant startsAt, Instant endsAt,
        boolean untilResolved) {

    public SilenceRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenant, "tenant");
        matchers = List.copyOf(matchers);
        Objects.requireNonNull(startsAt, "startsAt");
    }

    /** Whether an alert with these labels, observed at {@code observedAt}, is silenced. */
    public boolean silences(Map<String, String> labels, Instant observedAt) {
        return !observedAt.isBefore(startsAt) && (endsAt == null || observedAt.isBefore(endsAt))
                && Matcher.all(matchers, labels);
    }
}
