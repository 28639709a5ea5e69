package dev.vigil.platform.validation;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Input the domain refuses, naming each offending field and why. Free of HTTP so domain code can throw it;
 * the platform's exception mappers answer it as a 400 validation problem listing the same fields.
 */
public class InvalidInputException extends RuntimeException {
    private final transient List<Violation> violations;

    /** A field as the caller named it ({@code [2].severity}, {@code url}, a header) and what is wrong with it. */
    public record Violation(String field, String reason) {
    }

    public InvalidInputException(List<Violation> violations) {
        super(violations.stream().map(v -> v.field() + " " + v.reason()).collect(Collectors.joining("; ")));
        this.violations = List.copyOf(violations);
    }

    public InvalidInputException(String field, String reason) {
        this(List.of(new Violation(field, reason)));
    }

    public List<Violation> violations() {
        return violations;
    }
}
