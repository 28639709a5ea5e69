package dev.vigil.ingest.heartbeat;

import dev.vigil.contracts.Alert;
import dev.vigil.contracts.AlertStatus;
import dev.vigil.contracts.Severity;
import dev.vigil.contracts.Sources;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What pings, staff changes and the passing of time do to heartbeats, and which alerts they raise. Pure: the
 * adapters around it load rows, call it, publish what it returns and save what it returns.
 *
 * <p>Alert ids derive from tenant, name, the missed due time and the status, never from when the decision ran:
 * an evaluation or a ping that published and then failed to commit publishes the same ids when it runs again,
 * and triage's inbox counts each once.
 */
public final class HeartbeatPolicy {
    public static final String SOURCE = Sources.HEARTBEAT;
    public static final String CHECK = "heartbeat";
    public static final String FINGERPRINT_PREFIX = "heartbeat:";
    /** a silent job is a failure someone must look at, rarely one that pages at night */
    public static final Severity SEVERITY = Severity.MAJOR;

    private HeartbeatPolicy() {
    }

    /** A ping's outcome: the heartbeat after it, and the alert that resolves a miss, if there was one. */
    public record Ping(Heartbeat after, Optional<Alert> resolved) {
    }

    /** A miss: the heartbeat marked missed, and its firing alert. */
    public record Miss(Heartbeat after, Alert firing) {
    }

    /** A heartbeat as it is first stored: new, with {@code change} over the default schedule. */
    public static Heartbeat created(UUID id, String tenant, String name, HeartbeatSchedule.Change change,
            Instant now) {
        return new Heartbeat(id, tenant, name, change.applyTo(HeartbeatSchedule.DEFAULT), at(now), null, null, null);
    }

    /**
     * Staff changed the schedule: the due time follows it. A miss stays until a ping resolves it, since its alert
     * is already out.
     */
    public static Heartbeat rescheduled(Heartbeat current, HeartbeatSchedule.Change change) {
        return current.withSchedule(change.applyTo(current.schedule()));
    }

    /**
     * A ping at {@code now}, carrying {@code change}. A missed heartbeat is resolved. So is one whose due time
     * passed unmarked: an evaluation may have published its firing alert and crashed before recording it, and
     * the resolve closes it (triage ignores a resolve with nothing open).
     */
    public static Ping pinged(Heartbeat current, HeartbeatSchedule.Change change, Instant now) {
        Instant pingAt = at(now);
        Heartbeat after = current.withSchedule(change.applyTo(current.schedule())).pingedAt(pingAt);
        Instant missedDue = current.missedDueAt() != null ? current.missedDueAt()
                : current.dueAt() != null && !current.dueAt().isAfter(pingAt) ? current.dueAt() : null;
        if (missedDue == null) {
            return new Ping(after, Optional.empty());
        }
        String summary = "heartbeat from " + current.name() + " received again at " + pingAt
                + " after it was due at " + missedDue;
        return new Ping(after, Optional.of(alert(current, missedDue, AlertStatus.RESOLVED, summary, pingAt, pingAt)));
    }

    /** The heartbeats among {@code candidates} that are missed at {@code now}, each with its firing alert. */
    public static List<Miss> missed(List<Heartbeat> candidates, Instant now) {
        Instant at = at(now);
        return candidates.stream()
                .filter(h -> h.state() == HeartbeatState.OK && !h.dueAt().isAfter(at))
                .map(h -> new Miss(h.missed(), alert(h, h.dueAt(), AlertStatus.FIRING, "no heartbeat from "
                        + h.name() + " since " + h.lastPingAt() + "; expected every "
                        + HeartbeatSchedule.describe(h.schedule().interval()) + " (grace "
                        + HeartbeatSchedule.describe(h.schedule().grace()) + ")", h.dueAt(), at)))
                .toList();
    }

    public static String fingerprint(String name) {
        return FINGERPRINT_PREFIX + name;
    }

    /** The id of the alert of {@code status} for the miss of {@code dueAt}: the same however often it is sent. */
    public static UUID eventId(String tenant, String name, Instant dueAt, AlertStatus status) {
        return UUID.nameUUIDFromBytes(String.join("\n", "heartbeat", tenant, name, dueAt.toString(),
                status.wireName()).getBytes(StandardCharsets.UTF_8));
    }

    /** PostgreSQL keeps microseconds: a time is cut to them before it is stored or feeds an id. */
    static Instant at(Instant now) {
        return now.truncatedTo(ChronoUnit.MICROS);
    }

    private static Alert alert(Heartbeat heartbeat, Instant dueAt, AlertStatus status, String summary,
            Instant observedAt, Instant receivedAt) {
        Map<String, String> annotations = Map.of(
                "interval_seconds", String.valueOf(heartbeat.schedule().interval().toSeconds()),
                "grace_seconds", String.valueOf(heartbeat.schedule().grace().toSeconds()),
                "due_at", dueAt.toString(),
                "last_ping_at", String.valueOf(heartbeat.lastPingAt()));
        return new Alert(eventId(heartbeat.tenant(), heartbeat.name(), dueAt, status), heartbeat.tenant(),
                fingerprint(heartbeat.name()), SOURCE, heartbeat.name(), CHECK, SEVERITY, status, summary, Map.of(),
                annotations, observedAt, receivedAt);
    }
}
