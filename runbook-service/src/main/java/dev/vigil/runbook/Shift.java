package dev.vigil.runbook;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * One of the MSP's shifts: its people are on duty every day from {@code starts} to {@code ends}, wall-clock time
 * in {@code zone}. A shift that ends before it starts runs past midnight.
 */
public record Shift(UUID id, String name, ZoneId zone, LocalTime starts, LocalTime ends, List<String> members,
        Instant createdAt, String updatedBy, Instant updatedAt) {

    public Shift {
        members = List.copyOf(members);
    }

    /** Whether the shift is on duty at {@code at}: from its start, up to (not including) its end. */
    public boolean onDutyAt(Instant at) {
        LocalTime local = at.atZone(zone).toLocalTime();
        return starts.isBefore(ends)
                ? !local.isBefore(starts) && local.isBefore(ends)
                : !local.isBefore(starts) || local.isBefore(ends);
    }
}
