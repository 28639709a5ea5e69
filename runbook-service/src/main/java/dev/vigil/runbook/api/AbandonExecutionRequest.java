package dev.vigil.runbook.api;

import dev.vigil.platform.problem.ProblemException;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /v1/executions/{id}/abandon}. */
@Schema(description = "Why the procedure is given up")
public record AbandonExecutionRequest(
        @Schema(required = true, description = "Why the execution is abandoned: the next shift and triage's timeline"
                + " read it")
        @NotBlank @Size(max = StepRequest.MAX_NOTE_LENGTH) String reason) {

    static final String EXAMPLE = """
            {"reason": "The customer replaced the server; this procedure no longer applies"}""";

    /**
     * The reason of a request. A request without a body has none, and is refused as one without a {@code reason}
     * is (bean validation only sees a body that is there).
     */
    static String reasonOf(AbandonExecutionRequest request) {
        if (request == null) {
            throw ProblemException.invalid("reason", "must not be blank");
        }
        return request.reason().strip();
    }
}
