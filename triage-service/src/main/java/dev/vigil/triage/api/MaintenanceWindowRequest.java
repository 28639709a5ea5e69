package dev.vigil.triage.api;

import dev.vigil.platform.problem.Problem;
import dev.vigil.platform.problem.ProblemException;
import dev.vigil.triage.rules.Matcher;
import dev.vigil.triage.window.Occurrence;
import dev.vigil.triage.window.WindowDefinition;
import dev.vigil.triage.window.WindowSchedule;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /v1/maintenance-windows} and {@code PUT /v1/maintenance-windows/{id}}: the whole window. */
@Schema(description = "A maintenance window: alerts matching every matcher while it is in force are planned work."
        + " Give either startsAt and endsAt (once) or a recurrence (every week), not both")
public record MaintenanceWindowRequest(
        @Schema(description = "The tenant; may be left out by a token of one tenant. On PUT, leave it out or name"
                + " the window's own tenant", examples = "acme") String tenant,
        @Schema(required = true, maxLength = MaintenanceWindowRequest.MAX_NAME, examples = "Sunday patching")
        String name,
        @Schema(description = "Every one must hold; none (the default) means every alert of the tenant")
        List<MatcherRequest> matchers,
        @Schema(required = true, description = "The IANA time zone the recurrence's times are read in",
                examples = "Europe/Berlin") String timeZone,
        @Schema(maxLength = MaintenanceWindowRequest.MAX_COMMENT) String comment,
        @Schema(description = "A one-off window's start, ISO-8601 instant", examples = "2026-03-29T01:00:00Z")
        String startsAt,
        @Schema(description = "A one-off window's end (excluded), after startsAt", examples = "2026-03-29T03:00:00Z")
        String endsAt,
        RecurrenceRequest recurrence) {
    static final int MAX_NAME = 200;
    static final int MAX_COMMENT = 1000;

    /** What the body says the window is, or a 400 naming every field that is wrong. */
    WindowDefinition toDefinition() {
        List<Problem.FieldError> errors = new ArrayList<>();
        String named = RequestFields.text("name", name, MAX_NAME, true, errors);
        List<Matcher> parsed = matchers == null ? List.of() : MatcherRequest.toMatchers("matchers", matchers, errors);
        ZoneId zone = zone(errors);
        String note = RequestFields.text("comment", comment, MAX_COMMENT, false, errors);
        Optional<WindowSchedule> schedule = schedule(zone, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new WindowDefinition(named, parsed, zone, note, schedule.orElseThrow());
    }

    private ZoneId zone(List<Problem.FieldError> errors) {
        if (timeZone == null || timeZone.isBlank()) {
            errors.add(new Problem.FieldError("timeZone", "is required"));
            return null;
        }
        if (!ZoneId.getAvailableZoneIds().contains(timeZone.strip())) {
            errors.add(new Problem.FieldError("timeZone", "must be an IANA time zone such as Europe/Berlin"));
            return null;
        }
        return ZoneId.of(timeZone.strip());
    }

    private Optional<WindowSchedule> schedule(ZoneId zone, List<Problem.FieldError> errors) {
        if (recurrence != null) {
            if (startsAt != null || endsAt != null) {
                errors.add(new Problem.FieldError(startsAt != null ? "startsAt" : "endsAt",
                        "must be left out of a recurring window"));
                return Optional.empty();
            }
            return recurrence.toSchedule("recurrence", zone, errors);
        }
        if (startsAt == null || endsAt == null) {
            for (String missing : startsAt == null && endsAt == null ? List.of("startsAt", "endsAt")
                    : List.of(startsAt == null ? "startsAt" : "endsAt")) {
                errors.add(new Problem.FieldError(missing, "is required, unless the window has a recurrence"));
            }
            return Optional.empty();
        }
        Instant starts = RequestFields.instant("startsAt", startsAt, errors);
        Instant ends = RequestFields.instant("endsAt", endsAt, errors);
        if (starts == null || ends == null) {
            return Optional.empty();
        }
        if (!ends.isAfter(starts)) {
            errors.add(new Problem.FieldError("endsAt", "must be after startsAt"));
            return Optional.empty();
        }
        return Optional.of(new WindowSchedule.Once(new Occurrence(starts, ends)));
    }
}
