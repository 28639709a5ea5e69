package dev.vigil.runbook.api;

import dev.vigil.runbook.Runbook;
import dev.vigil.runbook.RunbookStep;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A runbook as the catalog shows it. */
@Schema(description = "A runbook of the caller's tenant: the steps to take on the incidents it matches")
public record RunbookView(
        UUID id,
        String tenant,
        String name,
        String description,
        @Schema(description = "Labels an incident must all carry for the runbook to open; source, resource, check"
                + " and severity name the incident's own") Map<String, String> match,
        List<Step> steps,
        Instant createdAt) {

    public record Step(int position, String title, String instructions, boolean critical) {
    }

    static RunbookView of(Runbook runbook) {
        return new RunbookView(runbook.id(), runbook.tenant(), runbook.name(), runbook.description(), runbook.match(),
                runbook.steps().stream().map(RunbookView::step).toList(), runbook.createdAt());
    }

    private static Step step(RunbookStep step) {
        return new Step(step.position(), step.title(), step.instructions(), step.critical());
    }
}
