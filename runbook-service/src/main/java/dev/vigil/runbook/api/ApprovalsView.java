package dev.vigil.runbook.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.vigil.runbook.Execution;
import dev.vigil.runbook.ExecutionStep;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The steps of an execution that wait for, or had, the customer's approval: what a customer is asked. */
@Schema(description = "The steps of an execution that need the customer's approval before anyone starts them")
public record ApprovalsView(UUID executionId, String runbookName,
        @Schema(enumeration = {"open", "completed", "abandoned"}) String status, List<Step> steps) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Step(
            int position,
            String title,
            String instructions,
            @Schema(description = "What the step should achieve") String expected,
            @Schema(enumeration = {"waiting", "approved", "rejected"}) String approval,
            @Schema(description = "Who decided, for the customer") String decidedBy,
            Instant decidedAt,
            @Schema(description = "The customer's words with the decision") String note,
            @Schema(enumeration = {"pending", "in-progress", "awaiting-verification", "done", "skipped", "failed"})
            String stepStatus) {
    }

    static ApprovalsView of(Execution execution, List<ExecutionStep> steps) {
        return new ApprovalsView(execution.id(), execution.runbookName(), execution.status().wireName(), steps.stream()
                .filter(step -> step.definition().customerApproval())
                .map(step -> new Step(step.position(), step.title(), step.definition().instructions(),
                        step.definition().expected(), step.approval() == null ? "waiting"
                        : step.approval().approved() ? "approved" : "rejected",
                        step.approval() == null ? null : step.approval().by(),
                        step.approval() == null ? null : step.approval().at(),
                        step.approval() == null ? null : step.approval().note(), step.status().wireName()))
                .toList());
    }
}
