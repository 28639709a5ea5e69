package dev.vigil.triage.api;

import dev.vigil.platform.problem.Problem;
import dev.vigil.triage.window.WindowSchedule;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The weekly recurrence of a maintenance window, in the wall-clock time of the window's zone. */
@Schema(description = "Every week on these days from start to end, wall-clock time of the window's timeZone. An end"
        + " not after the start is on the next day (SATURDAY 23:00-01:00 ends on Sunday). On a daylight-saving"
        + " change the times stay wall-clock times: a start the clocks skip moves forward by the gap, a time that"
        + " happens twice means its first instance")
public record RecurrenceRequest(
        @Schema(required = true, description = "At least one of MONDAY ... SUNDAY",
                examples = "[\"SUNDAY\"]") List<String> days,
        @Schema(required = true, description = "Local time of day, HH:mm", examples = "02:00") String start,
        @Schema(required = true, description = "Local time of day, HH:mm", examples = "04:00") String end,
        @Schema(description = "ISO-8601 instant the recurrence begins; none means it always did") String from,
        @Schema(description = "ISO-8601 instant it ends, after from; none means never") String until) {

    /** The schedule, or empty after adding an error naming each field that is wrong ({@code field.days[1]}). */
    Optional<WindowSchedule> toSchedule(String field, ZoneId zone, List<Problem.FieldError> errors) {
        int before = errors.size();
        Set<DayOfWeek> parsed = EnumSet.noneOf(DayOfWeek.class);
        if (days == null || days.isEmpty()) {
            errors.add(new Problem.FieldError(field + ".days", "must name at least one day"));
        } else {
            for (int i = 0; i < days.size(); i++) {
                day(days.get(i)).ifPresentOrElse(parsed::add, dayError(errors, field + ".days[" + i + "]"));
            }
        }
        LocalTime starts = RequestFields.time(field + ".start", start, errors);
        LocalTime ends = RequestFields.time(field + ".end", end, errors);
        Instant begins = from == null ? null : RequestFields.instant(field + ".from", from, errors);
        Instant stops = until == null ? null : RequestFields.instant(field + ".until", until, errors);
        if (begins != null && stops != null && !stops.isAfter(begins)) {
            errors.add(new Problem.FieldError(field + ".until", "must be after from"));
        }
        if (errors.size() > before || zone == null) {
            return Optional.empty();
        }
        return Optional.of(new WindowSchedule.Weekly(zone, parsed, starts, ends, begins, stops));
    }

    private static Optional<DayOfWeek> day(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String wanted = name.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(DayOfWeek.values()).filter(d -> d.name().equals(wanted)).findFirst();
    }

    private static Runnable dayError(List<Problem.FieldError> errors, String field) {
        return () -> errors.add(new Problem.FieldError(field, "must be one of " + Arrays.toString(DayOfWeek.values())));
    }
}
