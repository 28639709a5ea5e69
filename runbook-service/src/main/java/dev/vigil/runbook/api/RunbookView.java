package dev.vigil.runbook.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.vigil.runbook.Runbook;
import dev.vigil.runbook.RunbookStep;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One version of a runbook as the catalog shows it: the current one, unless a version is asked for. */
@Schema(description = "A runbook of the caller's tenant, or shared by every tenant: the steps to take on the"
        + " incidents it matches")
public record RunbookView(
        UUID id,
        @Schema(description = "Its tenant; null for a shared runbook") String tenant,
        @Schema(description = "Shared by every tenant: opened for an incident none of its tenant's own runbooks"
                + " matches") boolean shared,
        @Schema(description = "1, 2, 3...: every edit saves a new version; executions keep the one they opened with")
        int version,
        String name,
        String description,
        @Schema(description = "Labels an incident must all carry for the runbook to open; source, resource, check"
                + " and severity name the incident's own") Map<String, String> match,
        List<Step> steps,
        @Schema(description = "Who saved this version") String changedBy,
        @Schema(description = "When this version was saved") Instant changedAt,
        @Schema(description = "When the first version was saved") Instant createdAt) {

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Step(
            int position,
            @Schema(description = "How a decision's branches name this step") String name,
            @Schema(enumeration = {"check", "action", "contact-customer", "decision"}) String kind,
            String title,
            String instructions,
            @Schema(description = "What the person should see when the step worked") String expected,
            @Schema(description = "A second person, not the one who carried it out, verifies it") boolean critical,
            @Schema(description = "The customer may see that the step was taken") boolean customerVisible,
            @Schema(description = "Nobody starts the step before the customer approves it") boolean customerApproval,
            @Schema(description = "A decision step's answers, each naming the later step it goes on to")
            Map<String, String> branches,
            @Schema(description = "The later step the procedure goes on to once this one is finished")
            String next) {
    }

    static RunbookView of(Runbook runbook) {
        return new RunbookView(runbook.id(), runbook.shared() ? null : runbook.tenant(), runbook.shared(),
                runbook.version(), runbook.name(),
                runbook.description(), runbook.match(), runbook.steps().stream().map(RunbookView::step).toList(),
                runbook.changedBy(), runbook.changedAt(), runbook.createdAt());
    }

    static Step step(RunbookStep step) {
        return new Step(step.position(), step.name(), step.kind().wireName(), step.title(), step.instructions(),
                step.expected(), step.critical(), step.customerVisible(), step.customerApproval(), step.branches(),
                step.next());
    }
}
