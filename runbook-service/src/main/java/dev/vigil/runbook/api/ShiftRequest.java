package dev.vigil.runbook.api;

import dev.vigil.platform.problem.Problem;
import dev.vigil.platform.problem.ProblemException;
import dev.vigil.runbook.Shift;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /v1/shifts} and {@code PUT /v1/shifts/{id}}: the whole shift. */
@Schema(description = "A shift of the MSP: its members are on duty every day from starts to ends, in timeZone. A"
        + " shift that ends before it starts runs past midnight")
public record ShiftRequest(
        @Schema(required = true, maxLength = 100, examples = "night") String name,
        @Schema(required = true, description = "The MSP's IANA time zone", examples = "Asia/Tokyo") String timeZone,
        @Schema(required = true, description = "HH:mm", examples = "20:30") String starts,
        @Schema(required = true, description = "HH:mm; before starts for a shift past midnight", examples = "08:30")
        String ends,
        @Schema(required = true, description = "The people on it, as their tokens name them (1 to 50)")
        List<String> members) {

    private static final int MAX_NAME = 100;
    private static final int MAX_MEMBERS = 50;
    private static final int MAX_MEMBER = 200;

    static final String EXAMPLE = """
            {"name": "night", "timeZone": "Asia/Tokyo", "starts": "20:30", "ends": "08:30",
             "members": ["aiko", "kenji"]}""";

    /** The shift this body defines, saved by {@code by} at {@code at}, or a 400 naming every wrong field. */
    Shift toShift(UUID id, String by, Instant at) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (name == null || name.isBlank() || name.strip().length() > MAX_NAME) {
            errors.add(new Problem.FieldError("name", "must be 1 to " + MAX_NAME + " characters"));
        }
        ZoneId zone = zone(errors);
        LocalTime from = time("starts", starts, errors);
        LocalTime to = time("ends", ends, errors);
        if (from != null && from.equals(to)) {
            errors.add(new Problem.FieldError("ends", "must differ from starts"));
        }
        List<String> people = members(errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new Shift(id, name.strip(), zone, from, to, people, at, by, at);
    }

    private ZoneId zone(List<Problem.FieldError> errors) {
        try {
            return ZoneId.of(timeZone == null ? "" : timeZone.strip());
        } catch (DateTimeException e) {
            errors.add(new Problem.FieldError("timeZone", "must be an IANA time zone such as Asia/Tokyo"));
            return null;
        }
    }

    private static LocalTime time(String field, String raw, List<Problem.FieldError> errors) {
        try {
            if (raw != null && raw.strip().matches("\\d{2}:\\d{2}")) {
                return LocalTime.parse(raw.strip());
            }
        } catch (DateTimeParseException e) {
            // answered below, as another shape is
        }
        errors.add(new Problem.FieldError(field, "must be a time of day, HH:mm, such as 08:30"));
        return null;
    }

    private List<String> members(List<Problem.FieldError> errors) {
        if (members == null || members.isEmpty() || members.size() > MAX_MEMBERS) {
            errors.add(new Problem.FieldError("members", "must name 1 to " + MAX_MEMBERS + " people"));
            return List.of();
        }
        Set<String> seen = new HashSet<>();
        List<String> people = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            String member = members.get(i);
            if (member == null || member.isBlank() || member.strip().length() > MAX_MEMBER) {
                errors.add(new Problem.FieldError("members[" + i + "]", "must be 1 to " + MAX_MEMBER
                        + " characters"));
            } else if (!seen.add(member.strip())) {
                errors.add(new Problem.FieldError("members[" + i + "]", "is named twice"));
            } else {
                people.add(member.strip());
            }
        }
        return people;
    }
}
