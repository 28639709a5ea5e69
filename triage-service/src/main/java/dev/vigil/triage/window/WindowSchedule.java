package dev.vigil.triage.window;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * When a maintenance window is in force: once, between two instants, or every week on some days between two local
 * times of its zone. Pure: the triage engine asks it about an alert's observed time, the API about now.
 */
public sealed interface WindowSchedule permits WindowSchedule.Once, WindowSchedule.Weekly {

    /** The occurrence covering {@code t}, if any. */
    Optional<Occurrence> occurrenceAt(Instant t);

    /** The first occurrence that starts after {@code t}; one already under way at {@code t} is not "next". */
    Optional<Occurrence> next(Instant t);

    /** A one-off window. */
    record Once(Occurrence occurrence) implements WindowSchedule {
        public Once {
            Objects.requireNonNull(occurrence, "occurrence");
        }

        @Override
        public Optional<Occurrence> occurrenceAt(Instant t) {
            return occurrence.covers(t) ? Optional.of(occurrence) : Optional.empty();
        }

        @Override
        public Optional<Occurrence> next(Instant t) {
            return occurrence.start().isAfter(t) ? Optional.of(occurrence) : Optional.empty();
        }
    }

    /**
     * Every week on {@code days}, from {@code start} to {@code end} on the wall clock of {@code zone}; an
     * {@code end} not after {@code start} is on the next day (so Saturday 23:00-01:00 ends on Sunday, and equal
     * times make a whole day). Each date's times are resolved in the zone as {@link ZonedDateTime#of} does: a time
     * that a daylight-saving change skips moves forward by the gap (on Europe/Berlin's spring-forward Sunday,
     * 02:00-04:00 runs 03:00-04:00 CEST), and a time that happens twice means its first, earlier-offset instance (on
     * the fall-back Sunday, 02:00 CEST to 04:00 CET: three hours). An occurrence whose start the gap moves past its
     * end (02:30-03:00 on that Sunday) does not happen.
     *
     * @param from  null, or when the recurrence begins: an occurrence under way at that moment starts then
     * @param until null, or when it ends: an occurrence under way then ends then
     */
    record Weekly(ZoneId zone, Set<DayOfWeek> days, LocalTime start, LocalTime end, Instant from, Instant until)
            implements WindowSchedule {
        /** A day's occurrence spans at most a day and an hour, so it started on the day of t or one of the two before. */
        private static final int DAYS_BACK = 2;
        /** A whole week, and another should one week's only occurrence vanish into a skipped hour. */
        private static final int DAYS_AHEAD = 16;

        public Weekly {
            Objects.requireNonNull(zone, "zone");
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
            if (days.isEmpty()) {
                throw new IllegalArgumentException("a weekly window recurs on at least one day");
            }
            days = Set.copyOf(EnumSet.copyOf(days));
            if (from != null && until != null && !until.isAfter(from)) {
                throw new IllegalArgumentException("a recurrence ends after it begins: " + from + " to " + until);
            }
        }

        @Override
        public Optional<Occurrence> occurrenceAt(Instant t) {
            LocalDate today = LocalDate.ofInstant(t, zone);
            for (LocalDate date = today.minusDays(DAYS_BACK); !date.isAfter(today); date = date.plusDays(1)) {
                Optional<Occurrence> occurrence = startingOn(date).filter(o -> o.covers(t));
                if (occurrence.isPresent()) {
                    return occurrence;
                }
            }
            return Optional.empty();
        }

        @Override
        public Optional<Occurrence> next(Instant t) {
            Instant searchFrom = from != null && from.isAfter(t) ? from : t;
            LocalDate first = LocalDate.ofInstant(searchFrom, zone).minusDays(DAYS_BACK);
            for (int i = 0; i <= DAYS_BACK + DAYS_AHEAD; i++) {
                LocalDate date = first.plusDays(i);
                if (until != null && !ZonedDateTime.of(date, start, zone).toInstant().isBefore(until)) {
                    return Optional.empty();
                }
                Optional<Occurrence> occurrence = startingOn(date).filter(o -> o.start().isAfter(t));
                if (occurrence.isPresent()) {
                    return occurrence;
                }
            }
            return Optional.empty();
        }

        /** The occurrence that starts on {@code date} of the zone's calendar, cut to {@code from} and {@code until}. */
        Optional<Occurrence> startingOn(LocalDate date) {
            if (!days.contains(date.getDayOfWeek())) {
                return Optional.empty();
            }
            Instant begins = ZonedDateTime.of(date, start, zone).toInstant();
            Instant ends = ZonedDateTime.of(end.isAfter(start) ? date : date.plusDays(1), end, zone).toInstant();
            if (from != null && begins.isBefore(from)) {
                begins = from;
            }
            if (until != null && ends.isAfter(until)) {
                ends = until;
            }
            return ends.isAfter(begins) ? Optional.of(new Occurrence(begins, ends)) : Optional.empty();
        }
    }
}
