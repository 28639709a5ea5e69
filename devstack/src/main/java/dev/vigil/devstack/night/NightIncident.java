package dev.vigil.devstack.night;

import java.time.Instant;

/**
 * An incident as triage's API shows it, the fields the scorer needs. {@code openedAt} and {@code lastSeenAt} are
 * the observation times of its first and last firing alert, so they say which of its check's alerts it holds.
 */
public record NightIncident(String tenant, String fingerprint, String resource, String check, String severity,
        String status, long occurrences, Instant openedAt, Instant lastSeenAt) {

    String key() {
        return NightAlert.key(tenant, resource, check);
    }

    /** Whether this incident holds the alert: same tenant, resource and check, fired while it was live. */
    boolean holds(NightAlert alert) {
        if (!alert.firing() || !key().equals(alert.key())) {
            return false;
        }
        return openedAt == null || lastSeenAt == null
                || (!alert.observedAt().isBefore(openedAt) && !alert.observedAt().isAfter(lastSeenAt));
    }

    boolean majorOrCritical() {
        return "major".equals(severity) || "critical".equals(severity);
    }
}
