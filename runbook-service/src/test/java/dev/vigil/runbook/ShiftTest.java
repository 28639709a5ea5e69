package dev.vigil.runbook;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ShiftTest {
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void aDayShiftIsOnFromItsStartUpToItsEnd() {
        Shift morning = shift(TOKYO, "08:30", "20:30");

        assertFalse(morning.onDutyAt(Instant.parse("2026-11-26T23:29:59Z"))); // 08:29:59 JST
        assertTrue(morning.onDutyAt(Instant.parse("2026-11-26T23:30:00Z"))); // 08:30 JST
        assertTrue(morning.onDutyAt(Instant.parse("2026-11-27T11:29:59Z")));
        assertFalse(morning.onDutyAt(Instant.parse("2026-11-27T11:30:00Z"))); // 20:30 JST: the night's
    }

    @Test
    void aNightShiftRunsPastMidnight() {
        Shift night = shift(TOKYO, "20:30", "08:30");

        assertTrue(night.onDutyAt(Instant.parse("2026-11-27T11:30:00Z"))); // 20:30 JST
        assertTrue(night.onDutyAt(Instant.parse("2026-11-27T18:07:00Z"))); // 03:07 JST
        assertFalse(night.onDutyAt(Instant.parse("2026-11-27T23:30:00Z"))); // 08:30 JST
    }

    @Test
    void wallClockTimesFollowDaylightSaving() {
        Shift morning = shift(BERLIN, "08:00", "20:00");

        assertTrue(morning.onDutyAt(Instant.parse("2026-07-01T06:00:00Z"))); // 08:00 CEST
        assertFalse(morning.onDutyAt(Instant.parse("2026-12-01T06:00:00Z"))); // 07:00 CET
    }

    private static Shift shift(ZoneId zone, String starts, String ends) {
        return new Shift(UUID.randomUUID(), "s", zone, LocalTime.parse(starts), LocalTime.parse(ends),
                List.of("aiko"), Instant.EPOCH, "supervisor", Instant.EPOCH);
    }
}
