package dev.vigil.ingest.heartbeat;

import java.time.Instant;
import java.util.UUID;

/**
 * A tenant's dead-man switch: a probe pings it by name, and a due time without a ping is a miss.
 *
 * @param lastPingAt  null until the first ping
 * @param dueAt       when the next ping is overdue (last ping + interval + grace); null until the first ping
 * @param missedDueAt while missed, the due time that passed without a ping; the miss's alerts derive their ids from
 *                    it, so a staff change of the schedule does not move it
 */
public record Heartbeat(
        UUID id,
        String tenant,
        String name,
        HeartbeatSchedule schedule,
        Instant createdAt,
        Instant lastPingAt,
        Instant dueAt,
        Instant missedDueAt) {

    public HeartbeatState state() {
        if (missedDueAt != null) {
            return HeartbeatState.MISSED;
        }
        return lastPingAt == null ? HeartbeatState.NEW : HeartbeatState.OK;
    }

    Heartbeat withSchedule(HeartbeatSchedule changed) {
        return new Heartbeat(id, tenant, name, changed, createdAt, lastPingAt,
                lastPingAt == null ? null : changed.dueAfter(lastPingAt), missedDueAt);
    }

    Heartbeat pingedAt(Instant at) {
        return new Heartbeat(id, tenant, name, schedule, createdAt, at, schedule.dueAfter(at), null);
    }

    Heartbeat missed() {
        return new Heartbeat(id, tenant, name, schedule, createdAt, lastPingAt, dueAt, dueAt);
    }
}
