package dev.vigil.triage.silence;

import dev.vigil.triage.rules.Matcher;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A person's "keep these alerts quiet" from {@code startsAt} until {@code endsAt}, or until the alerts resolve. A
 * silence is never deleted: expiring it sets its end, so "why was this alert silenced?" stays answerable.
 *
 * @param endsAt  excluded; null while an until-resolved silence is open
 * @param endedBy who ended it before its time (a person expiring it, or {@link #ENDED_BY_RESOLUTION}); null when it
 *                ran its course or runs still
 */
public record Silence(UUID id, String tenant, List<Matcher> matchers, Instant startsAt, Instant endsAt,
        boolean untilResolved, String comment, String createdBy, Instant createdAt, String endedBy) {
    /** The {@code endedBy} of an until-resolved silence the triage engine ended because its alerts resolved. */
    public static final String ENDED_BY_RESOLUTION = "triage";

    public Silence {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenant, "tenant");
        matchers = List.copyOf(matchers);
        if (matchers.isEmpty()) {
            throw new IllegalArgumentException("a silence names at least one matcher");
        }
        Objects.requireNonNull(startsAt, "startsAt");
        if (endsAt == null && !untilResolved) {
            throw new IllegalArgumentException("a silence ends at a time or when its alerts resolve");
        }
    }

    public SilenceState stateAt(Instant now) {
        if (endsAt != null && !now.isBefore(endsAt)) {
            return SilenceState.EXPIRED;
        }
        return now.isBefore(startsAt) ? SilenceState.PENDING : SilenceState.ACTIVE;
    }

    /**
     * The silence ended by {@code by} at {@code now}; an expired one is returned unchanged, keeping its first end and
     * who ended it. A pending one ends before it began, and so never silences anything.
     */
    public Silence expiredAt(Instant now, String by) {
        if (stateAt(now) == SilenceState.EXPIRED) {
            return this;
        }
        return new Silence(id, tenant, matchers, startsAt, now, untilResolved, comment, createdBy, createdAt, by);
    }

    public SilenceRule rule() {
        return new SilenceRule(id, tenant, matchers, startsAt, endsAt, untilResolved);
    }
}
