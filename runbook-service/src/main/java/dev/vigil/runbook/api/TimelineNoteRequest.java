package dev.vigil.runbook.api;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /v1/executions/{id}/timeline}. */
@Schema(description = "A note added to the timeline, or a correction of one of its entries: entries are never"
        + " edited")
public record TimelineNoteRequest(
        @Schema(required = true, maxLength = StepRequest.MAX_NOTE_LENGTH)
        @NotBlank @Size(max = StepRequest.MAX_NOTE_LENGTH) String note,
        @Schema(description = "The seq of the entry this one corrects; leave it out for a plain note")
        @Min(1) Integer corrects) {

    static final String EXAMPLE = """
            {"note": "Step 1 was started from the console, not over ssh", "corrects": 2}""";
}
