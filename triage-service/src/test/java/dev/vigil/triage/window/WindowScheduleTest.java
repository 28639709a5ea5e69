package dev.vigil.triage.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Weekly windows keep to the wall clock of their zone across daylight-saving changes, midnight and the week's end. */
class WindowScheduleTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    private static WindowSchedule.Weekly weekly(ZoneId zone, Set<DayOfWeek> days, String start, String end) {
        return new WindowSchedule.Weekly(zone, days, LocalTime.parse(start), LocalTime.parse(end), null, null);
    }

    private static Occurrence occurrence(String start, String end) {
        return new Occurrence(Instant.parse(start), Instant.parse(end));
    }

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }

    @Test
    void berlinSundayTwoToFourIsTwoHoursOnAnOrdinarySunday() {
        WindowSchedule sunday = weekly(BERLIN, Set.of(DayOfWeek.SUNDAY), "02:00", "04:00");
        // 2026-03-22: CET, UTC+1
        Occurrence expected = occurrence("2026-03-22T01:00:00Z", "2026-03-22T03:00:00Z");
        assertEquals(Optional.of(expected), sunday.occurrenceAt(at("2026-03-22T01:00:00Z")));
        assertEquals(Optional.of(expected), sunday.occurrenceAt(at("2026-03-22T02:59:59.999Z")));
        assertEquals(Optional.empty(), sunday.occurrenceAt(at("2026-03-22T03:00:00Z")), "the end is excluded");
        assertEquals(Optional.empty(), sunday.occurrenceAt(at("2026-03-22T00:59:59Z")));
        assertEquals(Optional.empty(), sunday.occurrenceAt(at("2026-03-21T01:30:00Z")), "not on Saturday");
    }

    @Test
    void berlinSpringForwardSundayRunsFromThreeToFourCestOneHour() {
        WindowSchedule sunday = weekly(BERLIN, Set.of(DayOfWeek.SUNDAY), "02:00", "04:00");
        // 2026-03-29: 02:00 CET does not exist, the clocks jump to 03:00 CEST (01:00Z)
        Occurrence springForward = occurrence("2026-03-29T01:00:00Z", "2026-03-29T02:00:00Z");
        assertEquals(Duration.ofHours(1), Duration.between(springForward.start(), springForward.end()));
        assertEquals(Optional.of(springForward), sunday.occurrenceAt(at("2026-03-29T01:30:00Z")));
        assertEquals(Optional.empty(), sunday.occurrenceAt(at("2026-03-29T00:59:00Z")),
                "01:59 CET, just before the jump, is outside");
        assertEquals(Optional.empty(), sunday.occurrenceAt(at("2026-03-29T02:00:00Z")), "04:00 CEST ends it");
        assertEquals(Optional.of(springForward), sunday.next(at("2026-03-28T12:00:00Z")));
        assertEquals(Optional.of(occurrence("2026-04-05T00:00:00Z", "2026-04-05T02:00:00Z")),
                sunday.next(at("2026-03-29T01:00:00Z")), "the week after: 02:00-04:00 CEST");
    }

    @Test
    void berlinFallBackSundayRunsFromTwoCestToFourCetThreeHours() {
        WindowSchedule sunday = weekly(BERLIN, Set.of(DayOfWeek.SUNDAY), "02:00", "04:00");
        // 2026-10-25: 03:00 CEST falls back to 02:00 CET; 02:00 happens twice, the window starts at the first
        Occurrence fallBack = occurrence("2026-10-25T00:00:00Z", "2026-10-25T03:00:00Z");
        assertEquals(Duration.ofHours(3), Duration.between(fallBack.start(), fallBack.end()));
        assertEquals(Optional.of(fallBack), sunday.occurrenceAt(at("2026-10-25T00:00:00Z")));
        assertEquals(Optional.of(fallBack), sunday.occurrenceAt(at("2026-10-25T01:30:00Z")), "02:30 CET, the repeat");
        assertEquals(Optional.of(fallBack), sunday.occurrenceAt(at("2026-10-25T02:59:00Z")), "03:59 CET");
        assertEquals(Optional.empty(), sunday.occurrenceAt(at("2026-10-25T03:00:00Z")));
        assertEquals(Optional.of(fallBack), sunday.next(at("2026-10-24T23:59:59Z")));
    }

    @Test
    void newYorkSundayHalfPastOneToThreeOnItsDaylightSavingSundays() {
        WindowSchedule sunday = weekly(NEW_YORK, Set.of(DayOfWeek.SUNDAY), "01:30", "03:00");
        // ordinary Sunday in EST (UTC-5): 06:30Z-08:00Z, an hour and a half
        assertEquals(Optional.of(occurrence("2026-03-01T06:30:00Z", "2026-03-01T08:00:00Z")),
                sunday.occurrenceAt(at("2026-03-01T07:00:00Z")));
        // 2026-03-08: 02:00 EST jumps to 03:00 EDT; 01:30 EST (06:30Z) to 03:00 EDT (07:00Z): half an hour
        Occurrence springForward = occurrence("2026-03-08T06:30:00Z", "2026-03-08T07:00:00Z");
        assertEquals(Optional.of(springForward), sunday.occurrenceAt(at("2026-03-08T06:45:00Z")));
        assertEquals(Optional.empty(), sunday.occurrenceAt(at("2026-03-08T07:00:00Z")));
        assertEquals(Optional.of(springForward), sunday.next(at("2026-03-07T12:00:00Z")));
        // 2026-11-01: 02:00 EDT falls back to 01:00 EST; 01:30 EDT (05:30Z) to 03:00 EST (08:00Z): two and a half
        Occurrence fallBack = occurrence("2026-11-01T05:30:00Z", "2026-11-01T08:00:00Z");
        assertEquals(Optional.of(fallBack), sunday.occurrenceAt(at("2026-11-01T06:30:00Z")), "01:30 EST, the repeat");
        assertEquals(Duration.ofMinutes(150), Duration.between(fallBack.start(), fallBack.end()));
        assertEquals(Optional.of(fallBack), sunday.next(at("2026-10-31T12:00:00Z")));
    }

    @Test
    void tokyoHasNoDaylightSavingSoEveryOccurrenceIsTheSameLength() {
        WindowSchedule weekdays = weekly(TOKYO, Set.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY), "09:00", "10:30");
        // Tokyo is UTC+9 all year
        assertEquals(Optional.of(occurrence("2026-03-09T00:00:00Z", "2026-03-09T01:30:00Z")),
                weekdays.occurrenceAt(at("2026-03-09T00:10:00Z")));
        assertEquals(Optional.of(occurrence("2026-10-26T00:00:00Z", "2026-10-26T01:30:00Z")),
                weekdays.occurrenceAt(at("2026-10-26T01:29:59Z")));
        assertEquals(Optional.of(occurrence("2026-03-11T00:00:00Z", "2026-03-11T01:30:00Z")),
                weekdays.next(at("2026-03-09T00:10:00Z")), "Monday's is under way: next is Wednesday's");
        assertEquals(Optional.empty(), weekdays.occurrenceAt(at("2026-03-10T00:10:00Z")), "not on Tuesday");
    }

    @Test
    void aWindowCrossingMidnightEndsOnTheNextDay() {
        WindowSchedule friday = weekly(BERLIN, Set.of(DayOfWeek.FRIDAY), "22:00", "02:00");
        // Friday 2026-06-12 22:00 CEST to Saturday 02:00 CEST
        Occurrence night = occurrence("2026-06-12T20:00:00Z", "2026-06-13T00:00:00Z");
        assertEquals(Optional.of(night), friday.occurrenceAt(at("2026-06-12T21:00:00Z")), "Friday 23:00");
        assertEquals(Optional.of(night), friday.occurrenceAt(at("2026-06-12T23:30:00Z")), "Saturday 01:30");
        assertEquals(Optional.empty(), friday.occurrenceAt(at("2026-06-13T20:30:00Z")), "not Saturday night");
        assertEquals(Optional.of(night), friday.next(at("2026-06-12T19:00:00Z")));
    }

    @Test
    void aWindowCrossingTheWeekBoundaryStartsSaturdayAndEndsSunday() {
        WindowSchedule saturday = weekly(BERLIN, Set.of(DayOfWeek.SATURDAY), "23:00", "01:00");
        // Saturday 2026-06-13 23:00 CEST to Sunday 2026-06-14 01:00 CEST
        Occurrence weekend = occurrence("2026-06-13T21:00:00Z", "2026-06-13T23:00:00Z");
        assertEquals(Optional.of(weekend), saturday.occurrenceAt(at("2026-06-13T22:30:00Z")), "Sunday 00:30");
        assertEquals(Optional.empty(), saturday.occurrenceAt(at("2026-06-13T23:00:00Z")), "Sunday 01:00 ends it");
        assertEquals(Optional.of(occurrence("2026-06-20T21:00:00Z", "2026-06-20T23:00:00Z")),
                saturday.next(at("2026-06-13T22:30:00Z")), "a week later");
        // in Tokyo too, where Sunday 00:30 is still Saturday in UTC
        WindowSchedule tokyo = weekly(TOKYO, Set.of(DayOfWeek.SATURDAY), "23:00", "01:00");
        assertEquals(Optional.of(occurrence("2026-06-13T14:00:00Z", "2026-06-13T16:00:00Z")),
                tokyo.occurrenceAt(at("2026-06-13T15:30:00Z")));
    }

    @Test
    void equalStartAndEndMakeAWholeDayAndConsecutiveDaysFollowEachOther() {
        WindowSchedule weekend = weekly(TOKYO, Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), "00:00", "00:00");
        assertEquals(Optional.of(occurrence("2026-06-12T15:00:00Z", "2026-06-13T15:00:00Z")),
                weekend.occurrenceAt(at("2026-06-13T14:59:59Z")), "Saturday, all day");
        assertEquals(Optional.of(occurrence("2026-06-13T15:00:00Z", "2026-06-14T15:00:00Z")),
                weekend.occurrenceAt(at("2026-06-13T15:00:00Z")), "Sunday, all day");
        assertEquals(Optional.empty(), weekend.occurrenceAt(at("2026-06-14T15:00:00Z")), "Monday");
    }

    @Test
    void timesTheClocksSkipMoveForwardByTheGapAndAnOccurrenceLeftWithoutTimeDoesNotHappen() {
        WindowSchedule inTheGap = weekly(BERLIN, Set.of(DayOfWeek.SUNDAY), "02:15", "02:45");
        assertEquals(Optional.of(occurrence("2026-03-29T01:15:00Z", "2026-03-29T01:45:00Z")),
                inTheGap.occurrenceAt(at("2026-03-29T01:20:00Z")), "03:15-03:45 CEST");
        // 02:30 moves to 03:30 CEST, after the end at 03:00 CEST: nothing is left that Sunday
        WindowSchedule emptied = weekly(BERLIN, Set.of(DayOfWeek.SUNDAY), "02:30", "03:00");
        assertEquals(Optional.empty(), emptied.occurrenceAt(at("2026-03-29T01:00:00Z")));
        assertEquals(Optional.empty(), emptied.occurrenceAt(at("2026-03-29T01:40:00Z")));
        assertEquals(Optional.of(occurrence("2026-04-05T00:30:00Z", "2026-04-05T01:00:00Z")),
                emptied.next(at("2026-03-28T00:00:00Z")), "the next one is a week later");
    }

    @Test
    void fromAndUntilCutTheRecurrence() {
        Instant from = at("2026-06-07T00:30:00Z"); // Sunday 02:30 CEST, half way through that Sunday's window
        Instant until = at("2026-06-21T01:00:00Z"); // Sunday 03:00 CEST, two weeks later
        WindowSchedule bounded = new WindowSchedule.Weekly(BERLIN, Set.of(DayOfWeek.SUNDAY), LocalTime.of(2, 0),
                LocalTime.of(4, 0), from, until);
        assertEquals(Optional.empty(), bounded.occurrenceAt(at("2026-05-31T00:30:00Z")), "before from");
        assertEquals(Optional.of(occurrence("2026-06-07T00:30:00Z", "2026-06-07T02:00:00Z")),
                bounded.occurrenceAt(at("2026-06-07T01:00:00Z")), "begins at from");
        assertEquals(Optional.of(occurrence("2026-06-07T00:30:00Z", "2026-06-07T02:00:00Z")),
                bounded.next(at("2026-06-01T00:00:00Z")));
        assertEquals(Optional.of(occurrence("2026-06-21T00:00:00Z", "2026-06-21T01:00:00Z")),
                bounded.occurrenceAt(at("2026-06-21T00:30:00Z")), "ends at until");
        assertEquals(Optional.empty(), bounded.occurrenceAt(at("2026-06-21T01:30:00Z")));
        assertEquals(Optional.empty(), bounded.next(at("2026-06-21T00:30:00Z")), "nothing after until");
    }

    @Test
    void aOneOffWindowIsInForceOnceAndNextOnlyBeforeItStarts() {
        WindowSchedule once = new WindowSchedule.Once(occurrence("2026-05-01T22:00:00Z", "2026-05-02T02:00:00Z"));
        assertTrue(once.occurrenceAt(at("2026-05-01T22:00:00Z")).isPresent());
        assertFalse(once.occurrenceAt(at("2026-05-02T02:00:00Z")).isPresent());
        assertTrue(once.next(at("2026-05-01T21:59:59Z")).isPresent());
        assertFalse(once.next(at("2026-05-01T22:00:00Z")).isPresent(), "under way is not next");
    }
}
