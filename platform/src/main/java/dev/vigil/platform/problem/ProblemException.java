package dev.vigil.platform.problem;

import java.util.List;

/**
 * Thrown by resources ({@code api/}) to answer with a problem+json body. Domain code throws its own exceptions
 * instead (refused fields: {@link dev.vigil.platform.validation.InvalidInputException}), which mappers translate.
 */
public class ProblemException extends RuntimeException {
    private final transient ProblemType type;
    private final transient List<Problem.FieldError> errors;

    public ProblemException(ProblemType type, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.type = type;
        this.errors = List.copyOf(errors);
    }

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, List.of());
    }

    public static ProblemException invalid(List<Problem.FieldError> errors) {
        String fields = errors.stream().map(Problem.FieldError::field).distinct()
                .reduce((a, b) -> a + ", " + b).orElse("");
        return new ProblemException(ProblemType.VALIDATION, "Invalid field(s): " + fields, errors);
    }

    public static ProblemException invalid(String field, String message) {
        return invalid(List.of(new Problem.FieldError(field, message)));
    }

    /** A JSON body naming {@code field} twice: which value counts would be a guess. */
    public static ProblemException duplicateKey(String field) {
        return new ProblemException(ProblemType.MALFORMED_JSON, "The body names a field more than once: " + field,
                List.of(new Problem.FieldError(field, "appears more than once")));
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(ProblemType.NOT_FOUND, detail);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(ProblemType.CONFLICT, detail);
    }

    public Problem toProblem() {
        return new Problem(type.urn(), type.title(), type.status(), getMessage(), errors);
    }
}
