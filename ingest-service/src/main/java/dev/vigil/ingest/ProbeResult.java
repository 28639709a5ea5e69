package dev.vigil.ingest;

import dev.vigil.contracts.Alert;
import dev.vigil.contracts.AlertStatus;
import dev.vigil.contracts.Severity;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** One probe result as posted to {@code /v1/alerts}, validated; observedAt and fingerprint may be absent. */
public record ProbeResult(
        String source,
        String resource,
        String check,
        Severity severity,
        AlertStatus status,
        String summary,
        Map<String, String> labels,
        Map<String, String> annotations,
        Instant observedAt,
        String fingerprint) {

    /**
     * Everything the probe said, in one canonical text: a retry carries the same, however its JSON was spelled;
     * a changed alert carries a different one. See {@link AlertIds}.
     */
    public String canonicalContent() {
        return new CanonicalText().add(source).add(resource).add(check)
                .add(severity == null ? null : severity.wireName()).add(status == null ? null : status.wireName())
                .add(summary)
                .add(String.valueOf(labels.size())).addEntries(labels)
                .add(String.valueOf(annotations.size())).addEntries(annotations)
                .add(observedAt == null ? null : observedAt.toString()).add(fingerprint)
                .toString();
    }

    /**
     * The normalised alert. Each accepted result is a new event (a probe repeating itself is a new occurrence),
     * so the id is minted here; everything downstream derives its ids from it.
     */
    public Alert toAlert(String tenant, UUID eventId, Instant receivedAt) {
        String fp = fingerprint != null ? fingerprint : Fingerprints.of(source, resource, check, labels);
        return new Alert(eventId, tenant, fp, source, resource, check, severity, status, summary, labels, annotations,
                observedAt != null ? observedAt : receivedAt, receivedAt);
    }
}
