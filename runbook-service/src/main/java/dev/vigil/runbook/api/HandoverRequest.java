package dev.vigil.runbook.api;

import dev.vigil.platform.problem.Problem;
import dev.vigil.platform.problem.ProblemException;
import dev.vigil.runbook.handover.HandoverItems;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /v1/handovers}: which shift is ending, and its notes. */
@Schema(description = "A handover to write: everything open is gathered by Vigil; the ending shift adds notes")
public record HandoverRequest(
        @Schema(description = "The shift that is ending; by default the one on duty now", maxLength = 100,
                examples = "night") String shift,
        @Schema(description = "The shift taking over; by default the one on duty when the ending shift ends",
                maxLength = 100, examples = "morning") String nextShift,
        @Schema(description = "Words for the incoming shift, each about one tenant (up to 50)") List<NoteInput> notes) {

    private static final int MAX_NOTES = 50;
    private static final int MAX_TEXT = 2000;
    private static final int MAX_SHIFT = 100;

    static final String EXAMPLE = """
            {"shift": "night", "nextShift": "morning", "notes": [{"tenant": "acme", "text": "The customer asked to be called, not mailed,\
             before any restart of shop-db-01"}]}""";

    /** A note: its tenant may be left out by a token of one tenant. */
    @Schema(description = "A note about one tenant")
    public record NoteInput(
            @Schema(description = "The tenant it is about; a token of one tenant may leave it out") String tenant,
            @Schema(required = true, maxLength = MAX_TEXT) String text) {
    }

    Optional<String> ending() {
        return shift == null ? Optional.empty() : Optional.of(shift.strip());
    }

    Optional<String> incoming() {
        return nextShift == null ? Optional.empty() : Optional.of(nextShift.strip());
    }

    private static void shiftName(String field, String name, List<Problem.FieldError> errors) {
        if (name != null && (name.isBlank() || name.strip().length() > MAX_SHIFT)) {
            errors.add(new Problem.FieldError(field, "must be 1 to " + MAX_SHIFT + " characters, or left out"));
        }
    }

    /**
     * The notes, each with its tenant as {@code tenantOf} checks it (a 403 outside the token), or a 400 naming every
     * wrong field.
     *
     * @param oneTenant the token acts for one tenant, which a note may then leave out
     */
    List<HandoverItems.Note> notes(boolean oneTenant, UnaryOperator<String> tenantOf) {
        List<Problem.FieldError> errors = new ArrayList<>();
        shiftName("shift", shift, errors);
        shiftName("nextShift", nextShift, errors);
        List<NoteInput> given = notes == null ? List.of() : notes;
        if (given.size() > MAX_NOTES) {
            errors.add(new Problem.FieldError("notes", "must hold at most " + MAX_NOTES + " notes"));
            given = List.of();
        }
        for (int i = 0; i < given.size(); i++) {
            NoteInput note = given.get(i);
            if (note == null) {
                errors.add(new Problem.FieldError("notes[" + i + "]", "must be a note, not null"));
            } else if (note.text() == null || note.text().isBlank() || note.text().strip().length() > MAX_TEXT) {
                errors.add(new Problem.FieldError("notes[" + i + "].text", "must be 1 to " + MAX_TEXT
                        + " characters"));
            } else if (note.tenant() == null && !oneTenant) {
                errors.add(new Problem.FieldError("notes[" + i + "].tenant",
                        "is required: the token may act for more than one tenant"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return given.stream().map(note -> new HandoverItems.Note(tenantOf.apply(note.tenant()), note.text().strip()))
                .toList();
    }
}
