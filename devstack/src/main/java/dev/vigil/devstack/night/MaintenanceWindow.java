package dev.vigil.devstack.night;

import java.time.Instant;
import java.util.List;

/**
 * A customer's declared weekly maintenance window (Sunday 02:00-04:00 in its time zone), the hosts it patches in
 * it, and where it falls in this night: planned work inside it is noise, however loudly it alerts.
 *
 * @param hosts the resources the customer declared the window for; none when nothing is planned this week
 */
public record MaintenanceWindow(String tenant, String zone, String weekly, Instant from, Instant to,
        List<String> hosts) {

    public static final String DAY = "SUNDAY";
    public static final String START = "02:00";
    public static final String END = "04:00";

    public MaintenanceWindow {
        hosts = List.copyOf(hosts);
    }

    public boolean contains(Instant at) {
        return !at.isBefore(from) && at.isBefore(to);
    }
}
