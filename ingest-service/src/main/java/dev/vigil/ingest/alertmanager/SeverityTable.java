package dev.vigil.ingest.alertmanager;

import dev.vigil.contracts.Severity;
import java.util.Locale;
import java.util.Map;

/**
 * Prometheus has no fixed severities: rules set a {@code severity} label by convention, in many spellings. This is
 * the documented table from those spellings to Vigil's; anything else, or no label, is {@link #DEFAULT}, and the
 * original stays in the alert's labels.
 */
public final class SeverityTable {
    public static final Severity DEFAULT = Severity.WARNING;
    private static final Map<String, Severity> TABLE = Map.ofEntries(
            Map.entry("critical", Severity.CRITICAL), Map.entry("crit", Severity.CRITICAL),
            Map.entry("fatal", Severity.CRITICAL), Map.entry("emergency", Severity.CRITICAL),
            Map.entry("disaster", Severity.CRITICAL), Map.entry("page", Severity.CRITICAL),
            Map.entry("major", Severity.MAJOR), Map.entry("high", Severity.MAJOR), Map.entry("error", Severity.MAJOR),
            Map.entry("err", Severity.MAJOR),
            Map.entry("minor", Severity.MINOR), Map.entry("average", Severity.MINOR),
            Map.entry("medium", Severity.MINOR),
            Map.entry("warning", Severity.WARNING), Map.entry("warn", Severity.WARNING),
            Map.entry("info", Severity.INFO), Map.entry("informational", Severity.INFO),
            Map.entry("notice", Severity.INFO), Map.entry("low", Severity.INFO), Map.entry("none", Severity.INFO));

    private SeverityTable() {
    }

    public static Severity of(String label) {
        return label == null ? DEFAULT : TABLE.getOrDefault(label.strip().toLowerCase(Locale.ROOT), DEFAULT);
    }
}
