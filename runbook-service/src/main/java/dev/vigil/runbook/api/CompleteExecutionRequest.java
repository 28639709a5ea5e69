package dev.vigil.runbook.api;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The optional body of {@code POST /v1/executions/{id}/complete}. */
@Schema(description = "How the procedure ended, for the incident's timeline and the next shift")
public record CompleteExecutionRequest(
        @Schema(description = "What was done and found; optional")
        @Size(max = CompleteExecutionRequest.MAX_NOTE_LENGTH) String note) {

    /** The longest closing note or abandoning reason: a few paragraphs, not a log file. */
    static final int MAX_NOTE_LENGTH = 2000;

    static final String EXAMPLE = """
            {"note": "Disk cleaned up, web server restarted, shop answers again"}""";

    /** The note of a request, which may have come without a body; a blank note is none. */
    static String noteOf(CompleteExecutionRequest request) {
        return request == null || request.note() == null || request.note().isBlank() ? null : request.note().strip();
    }
}
