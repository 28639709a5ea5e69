package dev.vigil.runbook.handover;

import dev.vigil.runbook.Shift;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The change of shift a handover is written for: the shift that is ending, when it ends, the shift on duty from
 * then, and the horizon up to which a silence or window ending counts as "ending soon" (the end of the incoming
 * shift: what that shift will have to deal with).
 */
public record ShiftChange(Shift ending, Instant endsAt, Optional<Shift> next, Instant horizon) {

    /**
     * The change at {@code now}: of the shift named {@code ending}, or else of the one shift on duty now, to the
     * shift named {@code incoming}, or else to the one on duty when the ending shift ends (none if no shift is).
     *
     * @param lookAhead the horizon after the ending shift's end when no shift follows it
     * @throws HandoverRefusedException when a named shift is unknown, or several shifts could be meant and none was
     *                                  named, or none is on duty now
     */
    public static ShiftChange at(List<Shift> shifts, Optional<String> ending, Optional<String> incoming, Instant now,
            Duration lookAhead) {
        Shift leaving = ending.map(name -> named(shifts, name)).orElseGet(() -> {
            List<Shift> onDuty = onDutyAt(shifts, now, null);
            if (onDuty.size() == 1) {
                return onDuty.get(0);
            }
            throw new HandoverRefusedException(onDuty.isEmpty()
                    ? "No shift is on duty now: name the shift that is ending (shifts are defined at /v1/shifts)"
                    : "Several shifts are on duty now (" + names(onDuty) + "): name the one that is ending");
        });
        Instant endsAt = nextEnd(leaving, now);
        Optional<Shift> next = incoming.map(name -> named(shifts, name)).or(() -> {
            List<Shift> taking = onDutyAt(shifts, endsAt, leaving);
            if (taking.size() > 1) {
                throw new HandoverRefusedException("Several shifts are on duty when '" + leaving.name() + "' ends ("
                        + names(taking) + "): name the incoming one");
            }
            return taking.stream().findFirst();
        });
        Instant horizon = next.map(shift -> nextEnd(shift, endsAt)).orElse(endsAt.plus(lookAhead));
        return new ShiftChange(leaving, endsAt, next, horizon);
    }

    private static Shift named(List<Shift> shifts, String name) {
        return shifts.stream().filter(shift -> shift.name().equals(name)).findFirst()
                .orElseThrow(() -> new HandoverRefusedException("There is no shift named '" + name + "'"));
    }

    private static List<Shift> onDutyAt(List<Shift> shifts, Instant at, Shift except) {
        return shifts.stream().filter(shift -> except == null || !shift.id().equals(except.id()))
                .filter(shift -> shift.onDutyAt(at)).sorted(Comparator.comparing(Shift::name)).toList();
    }

    private static String names(List<Shift> shifts) {
        return String.join(", ", shifts.stream().map(Shift::name).toList());
    }

    /** The first end of {@code shift} after {@code after}, on its zone's wall clock. */
    static Instant nextEnd(Shift shift, Instant after) {
        ZonedDateTime local = after.atZone(shift.zone());
        ZonedDateTime end = local.toLocalDate().atTime(shift.ends()).atZone(shift.zone());
        return (end.toInstant().isAfter(after) ? end : end.toLocalDate().plusDays(1).atTime(shift.ends())
                .atZone(shift.zone())).toInstant();
    }
}
