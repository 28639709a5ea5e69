package dev.vigil.testsupport;

/** Reads a consumer counter of one channel out of a service's Prometheus text ({@code /q/metrics}). */
public final class ConsumerMetrics {
    private ConsumerMetrics() {
    }

    /** @param counter e.g. {@code vigil_consumer_retries_total}; 0 when the counter was never incremented */
    public static double of(String prometheusText, String counter, String channel) {
        return prometheusText.lines()
                .filter(line -> line.startsWith(counter + "{") && line.contains("channel=\"" + channel + "\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
