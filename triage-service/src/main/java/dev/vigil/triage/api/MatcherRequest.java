package dev.vigil.triage.api;

import dev.vigil.platform.problem.Problem;
import dev.vigil.triage.rules.Matcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One label condition of a silence or a maintenance window, as Alertmanager writes them. */
@Schema(description = "A label condition. A label the alert lacks reads as the empty string; a regular expression"
        + " must match the whole value. Besides the alert's own labels, `source`, `resource`, `check` and `severity`"
        + " can be matched")
public record MatcherRequest(
        @Schema(required = true, examples = "env") String label,
        @Schema(required = true, enumeration = {"=", "!=", "=~", "!~"},
                description = "equal, not equal, matches the regular expression, does not match it") String op,
        @Schema(required = true, examples = "prod", description = "The value, or a Java regular expression for =~"
                + " and !~") String value) {
    static final int MAX_LABEL = 200;
    static final int MAX_VALUE = 1000;

    /** The matchers of {@code requests}, found at {@code field}; each one that is wrong adds its errors instead. */
    static List<Matcher> toMatchers(String field, List<MatcherRequest> requests, List<Problem.FieldError> errors) {
        List<Matcher> matchers = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            String at = field + "[" + i + "]";
            MatcherRequest request = requests.get(i);
            if (request == null) {
                errors.add(new Problem.FieldError(at, "must be a matcher: {\"label\", \"op\", \"value\"}"));
                continue;
            }
            request.toMatcher(at, errors).ifPresent(matchers::add);
        }
        return matchers;
    }

    private Optional<Matcher> toMatcher(String at, List<Problem.FieldError> errors) {
        int before = errors.size();
        if (label == null || label.isBlank()) {
            errors.add(new Problem.FieldError(at + ".label", "is required"));
        } else if (label.length() > MAX_LABEL) {
            errors.add(new Problem.FieldError(at + ".label", "must be at most " + MAX_LABEL + " characters"));
        }
        Optional<Matcher.Op> parsedOp = op == null ? Optional.empty() : Matcher.Op.fromSymbol(op);
        if (parsedOp.isEmpty()) {
            errors.add(new Problem.FieldError(at + ".op", op == null ? "is required" : "must be one of =, !=, =~, !~"));
        }
        if (value == null) {
            errors.add(new Problem.FieldError(at + ".value", "is required (it may be empty)"));
        } else if (value.length() > MAX_VALUE) {
            errors.add(new Problem.FieldError(at + ".value", "must be at most " + MAX_VALUE + " characters"));
        }
        if (errors.size() > before) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Matcher(label, parsedOp.get(), value));
        } catch (IllegalArgumentException e) {
            errors.add(new Problem.FieldError(at + ".value", "is " + e.getMessage()));
            return Optional.empty();
        }
    }
}
