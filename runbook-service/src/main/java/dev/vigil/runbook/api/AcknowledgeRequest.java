package dev.vigil.runbook.api;

import dev.vigil.platform.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The optional body of acknowledging a handover item: what the person taking it over means to do. */
@Schema(description = "Taking one handover item over; the body may be left out")
public record AcknowledgeRequest(
        @Schema(description = "What the person taking it over will do", maxLength = AcknowledgeRequest.MAX_NOTE,
                examples = "Calling the customer at 09:00") String note) {

    static final int MAX_NOTE = 2000;
    static final String EXAMPLE = """
            {"note": "Calling the customer at 09:00 before restarting shop-db-01"}""";

    /** The note, stripped; null when none was given; a 400 naming {@code note} when it is too long or blank. */
    String checkedNote() {
        if (note == null) {
            return null;
        }
        if (note.isBlank() || note.strip().length() > MAX_NOTE) {
            throw ProblemException.invalid("note", "must be 1 to " + MAX_NOTE + " characters, or left out");
        }
        return note.strip();
    }
}
