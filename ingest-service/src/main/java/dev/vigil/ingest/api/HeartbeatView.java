package dev.vigil.ingest.api;

import dev.vigil.ingest.heartbeat.Heartbeat;
import dev.vigil.ingest.heartbeat.HeartbeatNames;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A heartbeat as the API shows it. */
@Schema(name = "Heartbeat")
public record HeartbeatView(
        UUID id,
        String tenant,
        @Schema(pattern = "^" + HeartbeatNames.REGEX + "$", examples = "nightly-backup") String name,
        @Schema(enumeration = {"new", "ok", "missed"}, description = "new: never pinged, so never missed; ok: pinged"
                + " and not overdue; missed: no ping by its due time, a firing alert is out until the next ping")
        String state,
        @Schema(description = "Seconds between pings", examples = "86400") long intervalSeconds,
        @Schema(description = "Seconds a ping may be late before the heartbeat is missed", examples = "3600")
        long graceSeconds,
        Instant createdAt,
        @Schema(nullable = true, description = "null until the first ping") Instant lastPing,
        @Schema(nullable = true, description = "When the next ping is overdue (last ping + interval + grace); for a"
                + " missed heartbeat, the due time it missed; null until the first ping") Instant dueAt) {

    static HeartbeatView of(Heartbeat heartbeat) {
        return new HeartbeatView(heartbeat.id(), heartbeat.tenant(), heartbeat.name(), heartbeat.state().wireName(),
                heartbeat.schedule().interval().toSeconds(), heartbeat.schedule().grace().toSeconds(),
                heartbeat.createdAt(), heartbeat.lastPingAt(),
                heartbeat.missedDueAt() != null ? heartbeat.missedDueAt() : heartbeat.dueAt());
    }
}
