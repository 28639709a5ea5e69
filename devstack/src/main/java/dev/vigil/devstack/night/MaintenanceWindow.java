package dev.vigil.devstack.night;

import java.time.Instant;

/**
 * A customer's declared weekly maintenance window (e.g. Sunday 02:00-04:00 in its time zone), and where it falls
 * in this night: planned work inside it is noise, however loudly it alerts.
 */
public record MaintenanceWindow(String tenant, String zone, String weekly, Instant from, Instant to) {

    public boolean contains(Instant at) {
        return !at.isBefore(from) && at.isBefore(to);
    }
}
