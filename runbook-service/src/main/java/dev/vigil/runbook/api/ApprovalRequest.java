package dev.vigil.runbook.api;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /v1/executions/{id}/approvals}: the customer's decision on one step. */
public record ApprovalRequest(
        @Schema(required = true, description = "The step's position, from 1") @NotNull @Min(1) Integer step,
        @Schema(required = true, enumeration = {"approve", "reject"})
        @NotNull @Pattern(regexp = "approve|reject", message = "must be approve or reject") String decision,
        @Schema(description = "Why, or on what condition; shown to the operators")
        @Size(max = StepRequest.MAX_NOTE_LENGTH) String note) {

    static final String EXAMPLE = """
            {"step": 3, "decision": "approve", "note": "Go ahead; the shop is closed until 06:00"}""";

    boolean approved() {
        return "approve".equals(decision);
    }

    String noteOrNull() {
        return note == null || note.isBlank() ? null : note.strip();
    }
}
