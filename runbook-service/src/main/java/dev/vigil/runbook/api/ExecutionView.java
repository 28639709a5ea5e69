package dev.vigil.runbook.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.vigil.runbook.Execution;
import dev.vigil.runbook.ExecutionStep;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An execution; {@code steps} only when one execution is asked for, lists stay light. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "A runbook opened for a confirmed incident")
public record ExecutionView(
        UUID id,
        String tenant,
        UUID incidentId,
        UUID runbookId,
        String runbookName,
        @Schema(description = "The runbook version it opened with, and follows") int runbookVersion,
        @Schema(enumeration = {"open", "completed", "abandoned"}, description = "open until its last step is done"
                + " or skipped (completed) or an operator abandons it; both are final") String status,
        int stepCount,
        Instant openedAt,
        @Schema(description = "When it was completed or abandoned; absent while open") Instant closedAt,
        @Schema(description = "Who finished its last step or abandoned it; absent while open") String closedBy,
        @Schema(description = "Why it was abandoned") String closeNote,
        @Schema(description = "Only when one execution is asked for: lists leave it out") List<Step> steps) {

    /** A step as the runbook version said it, with its progress. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Step(
            @JsonUnwrapped RunbookView.Step definition,
            @Schema(enumeration = {"pending", "in-progress", "awaiting-verification", "done", "skipped", "failed"},
                    description = "A critical step reported done or skipped awaits verification")
            String status,
            String startedBy,
            Instant startedAt,
            @Schema(description = "Who reported it done, skipped or failed") String finishedBy,
            Instant finishedAt,
            @Schema(description = "The result observed, or why it was skipped or failed") String note,
            @Schema(description = "The answer a decision step was reported done with") String answer,
            @Schema(description = "The second person who verified a critical step") String verifiedBy,
            Instant verifiedAt) {
    }

    static ExecutionView summary(Execution execution) {
        return of(execution, null);
    }

    static ExecutionView detail(Execution execution, List<ExecutionStep> steps) {
        return of(execution, steps.stream().map(ExecutionView::step).toList());
    }

    private static ExecutionView of(Execution execution, List<Step> steps) {
        return new ExecutionView(execution.id(), execution.tenant(), execution.incidentId(), execution.runbookId(),
                execution.runbookName(), execution.runbookVersion(), execution.status().wireName(),
                execution.stepCount(), execution.openedAt(), execution.closedAt(), execution.closedBy(),
                execution.closeNote(), steps);
    }

    private static Step step(ExecutionStep step) {
        return new Step(RunbookView.step(step.definition()), step.status().wireName(), step.startedBy(),
                step.startedAt(), step.finishedBy(), step.finishedAt(), step.note(), step.answer(), step.verifiedBy(),
                step.verifiedAt());
    }
}
