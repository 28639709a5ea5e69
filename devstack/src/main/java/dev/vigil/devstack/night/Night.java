package dev.vigil.devstack.night;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One generated night: its tenants, their maintenance windows, and its labelled alerts in time order. */
public record Night(long seed, Instant start, Duration length, List<String> tenants, List<MaintenanceWindow> windows,
        List<NightAlert> alerts) {

    /** Episodes per kind, e.g. how many host-down cascades the night holds. */
    public Map<Truth.Kind, Long> episodes() {
        Map<Truth.Kind, Long> counts = new TreeMap<>();
        alerts.stream().map(NightAlert::truth).distinct()
                .forEach(t -> counts.merge(t.kind(), 1L, Long::sum));
        return counts;
    }
}
