package dev.vigil.runbook.api;

import dev.vigil.platform.problem.Problem;
import dev.vigil.platform.problem.ProblemException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /v1/executions}: a runbook an operator starts by hand for an incident. */
@Schema(description = "Start a runbook by hand for an incident: one of the tenant's own runbooks or a shared one")
public record StartExecutionRequest(
        @Schema(description = "The incident's tenant; a token of one tenant may leave it out", examples = "acme")
        String tenant,
        @Schema(required = true, description = "The runbook to follow") String runbookId,
        @Schema(required = true, description = "The incident it is followed for") String incidentId) {

    static final String EXAMPLE = """
            {"tenant": "acme", "runbookId": "0b9f6c1e-3c2a-4a59-9a3e-6f1d2c3b4a5e",
             "incidentId": "3f2a5c1e-8b4d-4e6f-9a0b-1c2d3e4f5a6b"}""";

    /** The two ids, or a 400 naming each that is missing or not a UUID. */
    UUID[] ids() {
        List<Problem.FieldError> errors = new ArrayList<>();
        UUID runbook = uuid("runbookId", runbookId, errors);
        UUID incident = uuid("incidentId", incidentId, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new UUID[] {runbook, incident};
    }

    private static UUID uuid(String field, String raw, List<Problem.FieldError> errors) {
        try {
            if (raw != null) {
                return UUID.fromString(raw.strip());
            }
        } catch (IllegalArgumentException e) {
            // answered below, as a missing one is
        }
        errors.add(new Problem.FieldError(field, "must be a UUID"));
        return null;
    }
}
