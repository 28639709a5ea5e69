package dev.vigil.devstack;

import java.time.Duration;
import java.util.Collection;

/**
 * How long the JIT compilers of some services have worked since they started, summed, from the
 * {@code jvm_compilation_time_ms_total} each publishes. A benchmark reads it twice to tell how much of a stretch the
 * services spent compiling rather than working.
 */
final class CompileTime {
    private static final String METRIC = "jvm_compilation_time_ms_total";

    private CompileTime() {
    }

    static Duration of(Api api, StackLayout layout, Collection<Service> services) {
        long millis = 0;
        for (Service service : services) {
            millis += millis(api.text(layout.serviceUrl(service) + "/q/metrics"), service);
        }
        return Duration.ofMillis(millis);
    }

    /** The metric's value in a Prometheus text exposition: {@code name{labels} value}, or {@code name value}. */
    static long millis(String exposition, Service service) {
        return exposition.lines()
                .filter(line -> line.startsWith(METRIC + "{") || line.startsWith(METRIC + " "))
                .mapToLong(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .reduce(Long::sum)
                .orElseThrow(() -> new StackException(service.id() + " publishes no " + METRIC));
    }
}
