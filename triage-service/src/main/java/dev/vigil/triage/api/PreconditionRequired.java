package dev.vigil.triage.api;

import dev.vigil.platform.problem.Problem;
import java.util.List;

/**
 * A change sent without {@code If-Match}, where the resource insists on one: answered 428 (RFC 6585) by
 * {@link TriageProblems}. Kept in triage while the rules are its only resource that requires the header; the type
 * belongs in the platform's {@code ProblemType} once a second service needs it.
 */
public final class PreconditionRequired extends RuntimeException {
    static final String TYPE = "urn:vigil:problem:precondition-required";
    static final String TITLE = "Precondition required";
    static final int STATUS = 428;
    /** The body the OpenAPI document shows for the 428, as {@code ProblemResponses} shows the platform's own. */
    static final String EXAMPLE = "{\"type\": \"" + TYPE + "\", \"title\": \"" + TITLE + "\", \"status\": " + STATUS
            + "}";

    PreconditionRequired(String detail) {
        super(detail);
    }

    Problem toProblem() {
        return new Problem(TYPE, TITLE, STATUS, getMessage(), List.of());
    }
}
