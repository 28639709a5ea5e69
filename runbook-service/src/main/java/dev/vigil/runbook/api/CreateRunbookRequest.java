package dev.vigil.runbook.api;

import dev.vigil.contracts.Severity;
import dev.vigil.platform.problem.Problem;
import dev.vigil.platform.problem.ProblemException;
import dev.vigil.runbook.Runbook;
import dev.vigil.runbook.RunbookMatcher;
import dev.vigil.runbook.RunbookStep;
import dev.vigil.platform.security.TenantIds;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The body of {@code POST /v1/runbooks}. {@code tenant} may be left out by a supervisor of one tenant; it must be
 * one the caller's token names ({@link dev.vigil.platform.security.CallerScope#forWrite}).
 */
public record CreateRunbookRequest(
        @Pattern(regexp = TenantIds.REGEX, message = TenantIds.RULE) String tenant,
        @NotBlank @Size(max = 200) String name,
        @Size(max = 4000) String description,
        @NotEmpty(message = "needs at least one matcher") @Size(max = 32) Map<String, String> match,
        @NotEmpty(message = "needs at least one step") @Size(max = 100) List<@Valid StepRequest> steps) {

    private static final int MAX_MATCHER_LENGTH = 200;

    /**
     * @param critical required rather than defaulted: whether a second person must check the step is a decision
     *                 the supervisor makes, never one the service guesses
     */
    public record StepRequest(
            @NotBlank @Size(max = 200) String title,
            @Size(max = 10_000) String instructions,
            @NotNull Boolean critical) {
    }

    /**
     * The runbook this request defines. Checks what the annotations cannot name by field: matcher entries and
     * missing steps inside the list.
     */
    Runbook toRunbook(UUID id, String tenant, Instant createdAt) {
        List<Problem.FieldError> errors = new ArrayList<>();
        match.forEach((label, value) -> matcherError(label, value).ifPresent(errors::add));
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i) == null) {
                errors.add(new Problem.FieldError("steps[" + i + "]", "must be an object"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        List<RunbookStep> runbookSteps = new ArrayList<>(steps.size());
        for (int i = 0; i < steps.size(); i++) {
            StepRequest step = steps.get(i);
            runbookSteps.add(new RunbookStep(i + 1, step.title().strip(), blankToNull(step.instructions()),
                    step.critical()));
        }
        return new Runbook(id, tenant, name.strip(), blankToNull(description), match, runbookSteps, createdAt);
    }

    private static Optional<Problem.FieldError> matcherError(String label, String value) {
        String field = "match." + label;
        if (label.isBlank()) {
            return Optional.of(new Problem.FieldError("match", "label names must not be blank"));
        }
        if (label.length() > MAX_MATCHER_LENGTH) {
            return Optional.of(new Problem.FieldError("match", "label names are at most "
                    + MAX_MATCHER_LENGTH + " characters"));
        }
        if (value == null || value.isBlank()) {
            return Optional.of(new Problem.FieldError(field, "must not be blank"));
        }
        if (value.length() > MAX_MATCHER_LENGTH) {
            return Optional.of(new Problem.FieldError(field, "must be at most " + MAX_MATCHER_LENGTH
                    + " characters"));
        }
        // a misspelt severity would silently never match: reject it while the supervisor is still looking
        if (label.equals(RunbookMatcher.SEVERITY) && Severity.fromWire(value).isEmpty()) {
            return Optional.of(new Problem.FieldError(field, "must be one of " + Stream.of(Severity.values())
                    .map(Severity::wireName).collect(Collectors.joining(", "))));
        }
        return Optional.empty();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
