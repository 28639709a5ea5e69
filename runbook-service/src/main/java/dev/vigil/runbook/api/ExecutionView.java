package dev.vigil.runbook.api;

import com.fasterxml.jackson.annotation.JsonInclude;
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
        @Schema(enumeration = {"open", "completed", "abandoned"}, description = "open until an operator completes"
                + " or abandons it; both are final") String status,
        int stepCount,
        Instant openedAt,
        @Schema(description = "When it was completed or abandoned; absent while open") Instant closedAt,
        @Schema(description = "Who completed or abandoned it; absent while open") String closedBy,
        @Schema(description = "The note it was completed with, or why it was abandoned") String closeNote,
        @Schema(description = "Only when one execution is asked for: lists leave it out") List<Step> steps) {

    public record Step(int position, String title, String instructions, boolean critical, String status) {
    }

    static ExecutionView summary(Execution execution) {
        return of(execution, null);
    }

    static ExecutionView detail(Execution execution, List<ExecutionStep> steps) {
        return of(execution, steps.stream().map(ExecutionView::step).toList());
    }

    private static ExecutionView of(Execution execution, List<Step> steps) {
        return new ExecutionView(execution.id(), execution.tenant(), execution.incidentId(), execution.runbookId(),
                execution.runbookName(), execution.status().wireName(), execution.stepCount(), execution.openedAt(),
                execution.closedAt(), execution.closedBy(), execution.closeNote(), steps);
    }

    private static Step step(ExecutionStep step) {
        return new Step(step.position(), step.title(), step.instructions(), step.critical(), step.status().wireName());
    }
}
