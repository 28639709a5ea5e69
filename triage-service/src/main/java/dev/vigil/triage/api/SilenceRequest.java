package dev.vigil.triage.api;

import dev.vigil.platform.problem.Problem;
import dev.vigil.platform.problem.ProblemException;
import dev.vigil.triage.rules.Matcher;
import dev.vigil.triage.silence.Silence;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /v1/silences}. */
@Schema(description = "A silence: alerts matching every matcher raise nothing from startsAt until endsAt, or until"
        + " they resolve. Give endsAt or untilResolved: true, not both")
public record SilenceRequest(
        @Schema(description = "The tenant whose alerts it silences; may be left out by a token of one tenant",
                examples = "acme") String tenant,
        @Schema(required = true, description = "At least one; every one must hold") List<MatcherRequest> matchers,
        @Schema(description = "ISO-8601 instant; default now", examples = "2026-03-29T01:00:00Z") String startsAt,
        @Schema(description = "ISO-8601 instant after startsAt; required unless untilResolved is true",
                examples = "2026-03-29T03:00:00Z") String endsAt,
        @Schema(description = "Hold until the alerts it silences resolve, instead of until endsAt")
        Boolean untilResolved,
        @Schema(required = true, maxLength = SilenceRequest.MAX_COMMENT, description = "Why; shown to every operator",
                examples = "Replacing the disk of db-02, ticket OPS-1234") String comment) {
    static final int MAX_COMMENT = 1000;

    /** The silence {@code author} asks for, or a 400 naming every field that is wrong. */
    Silence toSilence(UUID id, String forTenant, String author, Instant now) {
        List<Problem.FieldError> errors = new ArrayList<>();
        List<Matcher> parsed = List.of();
        if (matchers == null || matchers.isEmpty()) {
            errors.add(new Problem.FieldError("matchers", "must hold at least one matcher"));
        } else {
            parsed = MatcherRequest.toMatchers("matchers", matchers, errors);
        }
        Instant starts = startsAt == null ? now : RequestFields.instant("startsAt", startsAt, errors);
        boolean open = Boolean.TRUE.equals(untilResolved);
        Instant ends = null;
        if (open && endsAt != null) {
            errors.add(new Problem.FieldError("endsAt", "must be left out when untilResolved is true"));
        } else if (!open && endsAt == null) {
            errors.add(new Problem.FieldError("endsAt", "is required unless untilResolved is true"));
        } else if (endsAt != null) {
            ends = RequestFields.instant("endsAt", endsAt, errors);
            if (ends != null && starts != null && !ends.isAfter(starts)) {
                errors.add(new Problem.FieldError("endsAt", "must be after startsAt (" + starts + ")"));
            }
        }
        String why = RequestFields.text("comment", comment, MAX_COMMENT, true, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new Silence(id, forTenant, parsed, starts, ends, open, why, author, now, null);
    }
}
