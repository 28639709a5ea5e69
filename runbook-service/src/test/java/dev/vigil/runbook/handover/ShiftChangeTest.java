package dev.vigil.runbook.handover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.runbook.Shift;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ShiftChangeTest {
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final Shift NIGHT = shift("night", TOKYO, "20:30", "08:30");
    private static final Shift MORNING = shift("morning", TOKYO, "08:30", "20:30");
    private static final Duration LOOK_AHEAD = Duration.ofHours(12);

    @Test
    void theNightShiftOnDutyHandsOverToTheMorningShiftWhichItEndsInto() {
        Instant at = tokyo("2026-11-27T07:00");

        ShiftChange change = ShiftChange.at(List.of(MORNING, NIGHT), Optional.empty(), Optional.empty(), at,
                LOOK_AHEAD);

        assertEquals("night", change.ending().name());
        assertEquals(tokyo("2026-11-27T08:30"), change.endsAt());
        assertEquals("morning", change.next().orElseThrow().name());
        assertEquals(tokyo("2026-11-27T20:30"), change.horizon(), "what ends before the morning shift ends");
    }

    @Test
    void aShiftHandedOverBeforeMidnightEndsTheNextMorning() {
        ShiftChange change = ShiftChange.at(List.of(MORNING, NIGHT), Optional.of("night"), Optional.empty(),
                tokyo("2026-11-27T23:10"), LOOK_AHEAD);

        assertEquals(tokyo("2026-11-28T08:30"), change.endsAt());
        assertEquals(tokyo("2026-11-28T20:30"), change.horizon());
    }

    @Test
    void withNoShiftFollowingTheHorizonIsTheLookAheadPastItsEnd() {
        ShiftChange change = ShiftChange.at(List.of(NIGHT), Optional.empty(), Optional.empty(),
                tokyo("2026-11-27T21:00"), LOOK_AHEAD);

        assertTrue(change.next().isEmpty());
        assertEquals(tokyo("2026-11-28T08:30").plus(LOOK_AHEAD), change.horizon());
    }

    @Test
    void theEndFollowsTheWallClockAcrossTheEndOfDaylightSaving() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        Shift late = shift("late", berlin, "22:00", "06:00");
        // the clocks go back at 03:00 on 25 October 2026: this night lasts nine hours
        Instant at = ZonedDateTime.of(2026, 10, 24, 23, 0, 0, 0, berlin).toInstant();

        ShiftChange change = ShiftChange.at(List.of(late), Optional.empty(), Optional.empty(), at, LOOK_AHEAD);

        assertEquals(Instant.parse("2026-10-25T05:00:00Z"), change.endsAt());
    }

    @Test
    void ambiguityAndUnknownShiftsAreRefusedSayingWhatToName() {
        Shift overlap = shift("support", TOKYO, "06:00", "10:00");
        Instant at = tokyo("2026-11-27T07:00");

        assertEquals("Several shifts are on duty now (night, support): name the one that is ending",
                assertThrows(HandoverRefusedException.class, () -> ShiftChange.at(List.of(NIGHT, overlap, MORNING),
                        Optional.empty(), Optional.empty(), at, LOOK_AHEAD)).getMessage());
        assertEquals("Several shifts are on duty when 'night' ends (morning, support): name the incoming one",
                assertThrows(HandoverRefusedException.class, () -> ShiftChange.at(List.of(NIGHT, overlap, MORNING),
                        Optional.of("night"), Optional.empty(), at, LOOK_AHEAD)).getMessage());
        assertEquals("morning", ShiftChange.at(List.of(NIGHT, overlap, MORNING), Optional.of("night"),
                Optional.of("morning"), at, LOOK_AHEAD).next().orElseThrow().name());
        assertTrue(assertThrows(HandoverRefusedException.class, () -> ShiftChange.at(List.of(MORNING),
                Optional.empty(), Optional.empty(), at, LOOK_AHEAD)).getMessage().startsWith("No shift is on duty"));
        assertEquals("There is no shift named 'evening'", assertThrows(HandoverRefusedException.class,
                () -> ShiftChange.at(List.of(NIGHT), Optional.of("evening"), Optional.empty(), at, LOOK_AHEAD))
                .getMessage());
    }

    private static Instant tokyo(String localDateTime) {
        return java.time.LocalDateTime.parse(localDateTime).atZone(TOKYO).toInstant();
    }

    private static Shift shift(String name, ZoneId zone, String starts, String ends) {
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        return new Shift(UUID.randomUUID(), name, zone, LocalTime.parse(starts), LocalTime.parse(ends), List.of(),
                at, "supervisor", at);
    }
}
