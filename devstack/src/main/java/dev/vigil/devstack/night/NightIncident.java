package dev.vigil.devstack.night;

import java.util.Set;

/**
 * An incident as triage's API shows it, the fields the scorer needs: its severity, and the alerts it holds (those in
 * it and those it inhibits, {@code GET /v1/incidents/{id}/alerts}) as tenant, resource and check.
 */
public record NightIncident(String tenant, String fingerprint, String severity, String status, long occurrences,
        Set<String> alertKeys) {

    public NightIncident {
        alertKeys = Set.copyOf(alertKeys);
    }

    public static String key(String tenant, String resource, String check) {
        return NightAlert.key(tenant, resource, check);
    }

    /** Whether this incident holds the alert: one of its alerts is the alert's tenant, resource and check. */
    boolean holds(NightAlert alert) {
        return alert.firing() && alertKeys.contains(alert.key());
    }

    boolean majorOrCritical() {
        return "major".equals(severity) || "critical".equals(severity);
    }
}
