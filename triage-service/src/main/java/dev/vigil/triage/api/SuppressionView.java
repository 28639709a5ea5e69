package dev.vigil.triage.api;

import dev.vigil.triage.store.SuppressionStore;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One stretch of an alert held out of incidents. */
@Schema(description = "A firing alert held out of incidents for one reason through one firing episode: how many of"
        + " its alerts were held, from when to when")
public record SuppressionView(
        String tenant,
        String fingerprint,
        @Schema(enumeration = {"silence", "maintenance", "inhibited", "threshold", "flapping"}) String reason,
        @Schema(description = "The silence's or window's id, the inhibiting alert's fingerprint, or the threshold's"
                + " name") String reasonRef,
        @Schema(description = "The inhibiting incident, for an inhibited alert") UUID incidentId,
        @Schema(description = "When the alert's firing episode began") Instant episodeStartedAt,
        Instant firstAt,
        Instant lastAt,
        @Schema(description = "How many of its alerts were held") long alerts) {

    static SuppressionView of(SuppressionStore.Stretch stretch) {
        return new SuppressionView(stretch.tenant(), stretch.fingerprint(), stretch.reason().wireName(),
                stretch.ref(), stretch.incidentId(), stretch.episodeAt(), stretch.firstAt(), stretch.lastAt(),
                stretch.alerts());
    }
}
