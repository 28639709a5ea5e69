package dev.vigil.triage.rules;

import dev.vigil.contracts.Alert;
import java.util.HashMap;
import java.util.Map;

/**
 * The labels rules match on: the alert's own, plus Vigil's normalised {@code source}, {@code resource},
 * {@code check} and {@code severity}, which win over a label of the same name so that a rule means the same for
 * every input format.
 */
public final class AlertLabels {
    private AlertLabels() {
    }

    public static Map<String, String> of(Alert alert) {
        return of(alert.labels(), alert.source(), alert.resource(), alert.check(), alert.severity().wireName());
    }

    public static Map<String, String> of(Map<String, String> labels, String source, String resource, String check,
            String severity) {
        Map<String, String> all = new HashMap<>(labels);
        all.put("source", source);
        all.put("resource", resource);
        all.put("check", check);
        all.put("severity", severity);
        return all;
    }
}
