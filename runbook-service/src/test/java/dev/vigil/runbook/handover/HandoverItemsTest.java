package dev.vigil.runbook.handover;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.runbook.Approval;
import dev.vigil.runbook.Execution;
import dev.vigil.runbook.ExecutionStatus;
import dev.vigil.runbook.ExecutionStep;
import dev.vigil.runbook.IncidentFacts;
import dev.vigil.runbook.RunbookStep;
import dev.vigil.runbook.StepKind;
import dev.vigil.runbook.StepStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class HandoverItemsTest {
    private static final Instant NOW = Instant.parse("2026-11-27T08:20:00Z");
    private static final Instant HORIZON = NOW.plus(Duration.ofHours(12));

    @Test
    void theNextStepSaysWhatTheIncomingShiftDoes() {
        assertEquals("Next: start step 1 'Check'", next(pending(1, "Check", false)));
        assertEquals("Next: step 1 'Check', in progress since " + NOW + " (started by aiko)",
                next(as(pending(1, "Check", false), StepStatus.IN_PROGRESS, null)));
        assertEquals("Next: step 1 'Check' failed (disk unreadable): start it again or abandon the execution",
                next(as(pending(1, "Check", false), StepStatus.FAILED, "disk unreadable")));
        assertEquals("Next: start step 1 'Restart', once the customer approves it (not yet)",
                next(pending(1, "Restart", true)));
        assertEquals("Next: start step 1 'Restart', which the customer rejected: Not during the sale",
                next(rejected(pending(1, "Restart", true))));
        assertEquals("Next: start step 2 'Restart'", next(as(pending(1, "Check", false), StepStatus.DONE, null),
                pending(2, "Restart", false)));
    }

    @Test
    void onlySilencesAndWindowsEndingByTheHorizonAreListedSoonestFirst() {
        UUID later = UUID.randomUUID();
        UUID sooner = UUID.randomUUID();
        TriagePicture picture = new TriagePicture(List.of(), List.of(
                new TriagePicture.EndingQuiet(later, "acme", "a", NOW.plus(Duration.ofHours(3))),
                new TriagePicture.EndingQuiet(UUID.randomUUID(), "acme", "b", HORIZON.plusSeconds(1)),
                new TriagePicture.EndingQuiet(UUID.randomUUID(), "acme", "c", null),
                new TriagePicture.EndingQuiet(sooner, "acme", "d", NOW.plus(Duration.ofHours(1)))),
                List.of(new TriagePicture.EndingQuiet(UUID.randomUUID(), "acme", "not in force", null)));

        List<HandoverItem> items = HandoverItems.of(picture, List.of(), List.of(), HORIZON);

        assertEquals(List.of(sooner, later), items.stream().map(HandoverItem::subjectId).toList());
        assertEquals(List.of(1, 2), items.stream().map(HandoverItem::number).toList());
    }

    private static String next(ExecutionStep... steps) {
        Execution execution = new Execution(UUID.randomUUID(), "acme", UUID.randomUUID(), UUID.randomUUID(),
                "Database down", 1, ExecutionStatus.OPEN, steps.length, NOW, null, null, null, IncidentFacts.UNKNOWN);
        HandoverItem item = HandoverItems.of(new TriagePicture(List.of(), List.of(), List.of()),
                List.of(new HandoverItems.Running(execution, List.of(steps))), List.of(), HORIZON).get(0);
        assertEquals("Runbook 'Database down'", item.title());
        return item.detail();
    }

    private static ExecutionStep pending(int position, String title, boolean approval) {
        return ExecutionStep.pending(new RunbookStep(position, null, StepKind.ACTION, title, null, null, false, false,
                approval, Map.of(), null));
    }

    private static ExecutionStep rejected(ExecutionStep step) {
        return new ExecutionStep(step.definition(), StepStatus.PENDING, null, null, null, null, null, null, null, null,
                null, new Approval(false, "customer@shop", NOW, "Not during the sale"));
    }

    private static ExecutionStep as(ExecutionStep step, StepStatus status, String note) {
        return new ExecutionStep(step.definition(), status, "aiko", NOW, status == StepStatus.IN_PROGRESS ? null
                : "aiko", NOW, status == StepStatus.IN_PROGRESS ? null : status, note, null, null, null, null);
    }
}
