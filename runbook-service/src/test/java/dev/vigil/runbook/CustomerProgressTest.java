package dev.vigil.runbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CustomerProgressTest {
    private static final Instant AT = Instant.parse("2026-11-27T03:00:00Z");
    private static final ExecutionStep CHECK = step(1, "Check the server", true);
    private static final ExecutionStep LOGS = step(2, "Read the logs", false);
    private static final ExecutionStep RESTART = step(3, "Restart the database", true);

    @Test
    void aVisibleStepDoneCountsOnlyTheStepsTheCustomerSeesAndNamesTheNextOne() {
        ExecutionStep checked = done(CHECK);

        List<CustomerProgress> progress = CustomerProgress.of(List.of(CHECK, LOGS, RESTART), List.of(checked));

        assertEquals(1, progress.size());
        assertEquals(1, progress.get(0).done());
        assertEquals(2, progress.get(0).total());
        assertEquals("Restart the database", progress.get(0).next().orElseThrow().title());
    }

    @Test
    void hiddenSkippedFailedAndWaitingStepsTellNothing() {
        List<ExecutionStep> before = List.of(done(CHECK), LOGS, RESTART);

        assertTrue(CustomerProgress.of(before, List.of(done(LOGS))).isEmpty(), "hidden");
        assertTrue(CustomerProgress.of(before, List.of(as(RESTART, StepStatus.SKIPPED))).isEmpty(), "skipped");
        assertTrue(CustomerProgress.of(before, List.of(as(RESTART, StepStatus.FAILED))).isEmpty(), "failed");
        assertTrue(CustomerProgress.of(before, List.of(as(RESTART, StepStatus.AWAITING_VERIFICATION))).isEmpty(),
                "a critical step not yet verified");
        assertTrue(CustomerProgress.of(List.of(done(CHECK)), List.of(done(CHECK))).isEmpty(), "done already");
    }

    @Test
    void theLastVisibleStepLeavesNothingNext() {
        List<CustomerProgress> progress = CustomerProgress.of(List.of(done(CHECK), done(LOGS), RESTART),
                List.of(done(RESTART)));

        assertEquals(2, progress.get(0).done());
        assertTrue(progress.get(0).next().isEmpty());
    }

    private static ExecutionStep step(int position, String title, boolean visible) {
        return ExecutionStep.pending(new RunbookStep(position, null, StepKind.ACTION, title, null, null, false,
                visible, false, Map.of(), null));
    }

    private static ExecutionStep done(ExecutionStep step) {
        return as(step, StepStatus.DONE);
    }

    private static ExecutionStep as(ExecutionStep step, StepStatus status) {
        return new ExecutionStep(step.definition(), status, "ana", AT, "ana", AT, status, null, null, null, null,
                null);
    }
}
