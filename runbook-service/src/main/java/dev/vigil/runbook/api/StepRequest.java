package dev.vigil.runbook.api;

import dev.vigil.platform.problem.ProblemException;
import dev.vigil.runbook.StepMove;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /v1/executions/{id}/steps/{n}/<move>}, optional unless the step is skipped or failed. */
@Schema(description = "What the person saw or decided, for the timeline, the next shift and the customer report")
public record StepRequest(
        @Schema(description = "The result observed, or why the step is skipped or failed: required then",
                maxLength = StepRequest.MAX_NOTE_LENGTH)
        @Size(max = StepRequest.MAX_NOTE_LENGTH) String note,
        @Schema(description = "Reporting a decision step done: which of its answers holds", examples = "no")
        @Size(max = 100) String answer) {

    /** The longest note or reason: a few paragraphs, not a log file. */
    static final int MAX_NOTE_LENGTH = 2000;

    static final String EXAMPLE = """
            {"note": "Web server restarted at 03:12; the shop answers in 180 ms again"}""";

    /** The answer of a request, which may have come without a body. */
    static String answerOf(StepRequest request) {
        return request == null || request.answer() == null ? null : request.answer().strip();
    }

    /**
     * The note of a request, which may have come without a body; a blank note is none, which skipping and failing
     * refuse naming {@code note}.
     */
    static String noteOf(StepRequest request, StepMove move) {
        String note = request == null || request.note() == null || request.note().isBlank() ? null
                : request.note().strip();
        if (note == null && move.needsReason()) {
            throw ProblemException.invalid("note", "must say why the step is " + (move == StepMove.SKIP ? "skipped"
                    : "failed"));
        }
        return note;
    }
}
