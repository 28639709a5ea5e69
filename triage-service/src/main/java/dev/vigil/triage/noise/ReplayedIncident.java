package dev.vigil.triage.noise;

import dev.vigil.contracts.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * An incident a replay gave: its span in event time and every alert that counted in it.
 *
 * @param resolvedAt null while it was still live when the replay ended
 */
public record ReplayedIncident(UUID id, String fingerprint, String resource, String check, Severity severity,
        boolean flapping, long occurrences, Instant openedAt, Instant resolvedAt, Set<String> fingerprints) {

    /** Whether the two stand for the same failure: an alert in common while both were open. */
    public boolean sameFailureAs(String otherFingerprint, Instant otherOpened, Instant otherResolved) {
        return fingerprints.contains(otherFingerprint) && overlaps(otherOpened, otherResolved);
    }

    public boolean sameFailureAs(ReplayedIncident other) {
        return other.fingerprints.stream().anyMatch(fingerprints::contains)
                && overlaps(other.openedAt, other.resolvedAt);
    }

    /** How long it was open; null while live. */
    public Duration lasted() {
        return resolvedAt == null ? null : Duration.between(openedAt, resolvedAt);
    }

    private boolean overlaps(Instant otherOpened, Instant otherResolved) {
        return (otherResolved == null || !openedAt.isAfter(otherResolved))
                && (resolvedAt == null || !otherOpened.isAfter(resolvedAt));
    }
}
