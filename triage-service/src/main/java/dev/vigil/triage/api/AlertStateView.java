package dev.vigil.triage.api;

import dev.vigil.contracts.Severity;
import dev.vigil.triage.AlertState;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What triage knows of one alert, and where it stands. */
@Schema(description = "One alert (a fingerprint): what it last said, and whether it is in an incident or held out of"
        + " one, and why")
public record AlertStateView(
        String tenant,
        String fingerprint,
        String source,
        String resource,
        String check,
        Severity severity,
        String summary,
        Map<String, String> labels,
        @Schema(description = "firing or resolved", enumeration = {"firing", "resolved"}) String status,
        @Schema(description = "Null while it is in its incident; otherwise why it is held out of one: silence,"
                + " maintenance, inhibited, threshold (not yet fired long or often enough) or flapping",
                enumeration = {"silence", "maintenance", "inhibited", "threshold", "flapping"}) String reason,
        @Schema(description = "What the reason refers to: the silence's or window's id, the inhibiting alert's"
                + " fingerprint, the threshold's name") String reasonRef,
        @Schema(description = "The incident it is in; for an inhibited alert, the incident that inhibits it")
        UUID incidentId,
        @Schema(description = "The group it belongs to: its tenant's group-by labels' values") String group,
        @Schema(description = "When its current firing began (observed)") Instant firingSince,
        @Schema(description = "Every firing alert received for it, each counted once") long occurrences,
        Instant lastObservedAt,
        @Schema(description = "Its state changes often enough to count as flapping") boolean flapping) {

    static AlertStateView of(AlertState state) {
        return new AlertStateView(state.tenant(), state.fingerprint(), state.source(), state.resource(),
                state.check(), state.severity(), state.summary(), state.labels(),
                state.firing() ? "firing" : "resolved", state.reason() == null ? null : state.reason().wireName(),
                state.reasonRef(), state.incidentId(), state.groupKey(), state.firing() ? state.episodeStartedAt()
                        : null, state.occurrences(), state.lastObservedAt(), state.flapping());
    }
}
