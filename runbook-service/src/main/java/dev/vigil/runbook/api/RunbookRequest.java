package dev.vigil.runbook.api;

import dev.vigil.contracts.Severity;
import dev.vigil.platform.problem.Problem;
import dev.vigil.platform.problem.ProblemException;
import dev.vigil.runbook.Runbook;
import dev.vigil.runbook.RunbookMatcher;
import dev.vigil.runbook.RunbookStep;
import dev.vigil.runbook.StepKind;
import dev.vigil.platform.security.TenantIds;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A runbook's definition: the body of {@code POST /v1/runbooks} and {@code PUT /v1/runbooks/{id}}, and the
 * document {@code POST /v1/runbooks/import} reads as YAML. {@code tenant} may be left out by a supervisor of one
 * tenant; it must be one the caller's token names ({@link dev.vigil.platform.security.CallerScope#forWrite}). A
 * shared runbook names no tenant.
 */
public record RunbookRequest(
        @Pattern(regexp = TenantIds.REGEX, message = TenantIds.RULE) String tenant,
        @Schema(description = "Shared by every tenant: the MSP's own procedure, opened for an incident of a tenant"
                + " none of whose own runbooks matches it. Names no tenant; cannot change later",
                defaultValue = "false") Boolean shared,
        @NotBlank @Size(max = 200) String name,
        @Size(max = 4000) String description,
        @NotEmpty(message = "needs at least one matcher") @Size(max = 32) Map<String, String> match,
        @NotEmpty(message = "needs at least one step") @Size(max = 100) List<@Valid StepRequest> steps) {

    private static final int MAX_MATCHER_LENGTH = 200;
    private static final int MAX_ANSWER_LENGTH = 100;
    static final String STEP_NAME = "[a-z0-9][a-z0-9-]{0,62}";
    static final String STEP_NAME_RULE = "must be 1 to 63 lower-case letters, digits and -, starting with a letter"
            + " or digit";

    /**
     * @param critical required rather than defaulted: whether a second person must check the step is a decision
     *                 the supervisor makes, never one the service guesses
     */
    public record StepRequest(
            @Schema(description = "How a decision's branches name this step: lower-case letters, digits and -",
                    examples = "restart-web")
            @Pattern(regexp = STEP_NAME, message = STEP_NAME_RULE) String name,
            @Schema(enumeration = {"check", "action", "contact-customer", "decision"}, defaultValue = "action")
            String kind,
            @NotBlank @Size(max = 200) String title,
            @Size(max = 10_000) String instructions,
            @Schema(description = "What the person should see when the step worked")
            @Size(max = 2000) String expected,
            @NotNull Boolean critical,
            @Schema(description = "Whether the customer may see that the step was taken; default false")
            Boolean customerVisible,
            @Schema(description = "Whether nobody may start the step before the customer approves it; default"
                    + " false") Boolean customerApproval,
            @Schema(description = "A decision step's answers, each naming the later step it goes on to",
                    examples = "{\"yes\": \"clean-disk\", \"no\": \"restart-web\"}")
            @Size(max = 10) Map<String, String> branches,
            @Schema(description = "For a step that is not a decision: the later step to go on to once this one is"
                    + " finished, passing over those between; where a decision's arm rejoins the procedure",
                    examples = "confirm-recovery")
            @Pattern(regexp = STEP_NAME, message = STEP_NAME_RULE) String next) {
    }

    /**
     * The runbook this request defines, as version 1 of runbook {@code id} or as a draft of a later version.
     * Checks what the annotations cannot name by field: matcher entries, missing steps inside the list, step kinds,
     * and decision branches, which must name a later step.
     */
    Runbook toRunbook(UUID id, String tenant, String by, Instant at) {
        List<Problem.FieldError> errors = new ArrayList<>();
        match.forEach((label, value) -> matcherError(label, value).ifPresent(errors::add));
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < steps.size(); i++) {
            StepRequest step = steps.get(i);
            if (step == null) {
                errors.add(new Problem.FieldError("steps[" + i + "]", "must be an object"));
            } else if (step.name() != null && positions.putIfAbsent(step.name(), i) != null) {
                errors.add(new Problem.FieldError("steps[" + i + "].name", "is the name of step "
                        + (positions.get(step.name()) + 1) + " already"));
            }
        }
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i) != null) {
                stepErrors(i, steps.get(i), positions, errors);
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        List<RunbookStep> runbookSteps = new ArrayList<>(steps.size());
        for (int i = 0; i < steps.size(); i++) {
            StepRequest step = steps.get(i);
            runbookSteps.add(new RunbookStep(i + 1, step.name(), kindOf(step), step.title().strip(),
                    blankToNull(step.instructions()), blankToNull(step.expected()), step.critical(),
                    Boolean.TRUE.equals(step.customerVisible()), Boolean.TRUE.equals(step.customerApproval()),
                    step.branches(), step.next()));
        }
        return new Runbook(id, tenant, 1, name.strip(), blankToNull(description), match, runbookSteps, by, at, at);
    }

    private static void stepErrors(int index, StepRequest step, Map<String, Integer> positions,
            List<Problem.FieldError> errors) {
        String field = "steps[" + index + "]";
        if (step.kind() != null && StepKind.fromWire(step.kind()).isEmpty()) {
            errors.add(new Problem.FieldError(field + ".kind", "must be one of " + Stream.of(StepKind.values())
                    .map(StepKind::wireName).collect(Collectors.joining(", "))));
            return;
        }
        boolean decision = kindOf(step) == StepKind.DECISION;
        Map<String, String> branches = step.branches() == null ? Map.of() : step.branches();
        if (!decision && !branches.isEmpty()) {
            errors.add(new Problem.FieldError(field + ".branches", "only a decision step has branches"));
        }
        if (decision && branches.isEmpty()) {
            errors.add(new Problem.FieldError(field + ".branches", "a decision step needs at least one answer"));
        }
        if (step.next() != null) {
            if (decision) {
                errors.add(new Problem.FieldError(field + ".next", "a decision step goes on by its branches"));
            } else if (!positions.containsKey(step.next())) {
                errors.add(new Problem.FieldError(field + ".next", "must name a step of this runbook"));
            } else if (positions.get(step.next()) <= index) {
                errors.add(new Problem.FieldError(field + ".next", "must name a later step: '" + step.next()
                        + "' is step " + (positions.get(step.next()) + 1)));
            }
        }
        branches.forEach((answer, target) -> {
            if (answer.isBlank() || answer.length() > MAX_ANSWER_LENGTH) {
                errors.add(new Problem.FieldError(field + ".branches", "each answer is 1 to " + MAX_ANSWER_LENGTH
                        + " characters"));
            } else if (target == null || !positions.containsKey(target)) {
                errors.add(new Problem.FieldError(field + ".branches." + answer, "must name a step of this runbook"));
            } else if (positions.get(target) <= index) {
                errors.add(new Problem.FieldError(field + ".branches." + answer, "must name a later step: '"
                        + target + "' is step " + (positions.get(target) + 1)));
            }
        });
    }

    private static StepKind kindOf(StepRequest step) {
        return step.kind() == null ? StepKind.ACTION : StepKind.ofWire(step.kind());
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
