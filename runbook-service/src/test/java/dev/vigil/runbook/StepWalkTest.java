package dev.vigil.runbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The walk of one execution's steps, move by move, as the people on shift make it. */
class StepWalkTest {
    private static final Instant OPENED = Instant.parse("2026-11-26T03:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-26T03:10:00Z");
    private static final String ANA = "ana@msp";
    private static final String BEN = "ben@msp";
    private static final String CHO = "cho@msp";

    private final Execution execution = new Execution(UUID.randomUUID(), "acme", UUID.randomUUID(), UUID.randomUUID(),
            "Web server down", ExecutionStatus.OPEN, 3, OPENED, null, null, null);
    private final List<ExecutionStep> steps = new ArrayList<>(List.of(
            ExecutionStep.pending(1, "Check free disk space", "df -h", false),
            ExecutionStep.pending(2, "Restart the web server", null, true),
            ExecutionStep.pending(3, "Check the shop answers", null, false)));

    @Test
    void aStepIsStartedThenDoneWithItsResultOnTheTimeline() {
        StepWalk.Walked started = move(1, StepMove.START, ANA, null);
        assertEquals(StepStatus.IN_PROGRESS, started.step().status());
        assertEquals(ANA, started.step().startedBy());
        assertEquals(List.of(TimelineEntry.of(NOW, ANA, TimelineAction.STEP_STARTED, 1, null)), started.entries());

        StepWalk.Walked done = move(1, StepMove.COMPLETE, BEN, "12 GB free");
        assertEquals(StepStatus.DONE, done.step().status());
        assertEquals(ANA, done.step().startedBy());
        assertEquals(BEN, done.step().finishedBy());
        assertEquals("12 GB free", done.step().note());
        assertNull(done.step().verifiedBy());
        assertEquals(List.of(TimelineEntry.of(NOW, BEN, TimelineAction.STEP_DONE, 1, "12 GB free")), done.entries());
        assertTrue(done.completed().isEmpty());
    }

    @Test
    void aCriticalStepDoneAwaitsASecondPersonAndCountsOnlyOnceVerified() {
        finish(1);
        move(2, StepMove.START, ANA, null);
        StepWalk.Walked reported = move(2, StepMove.COMPLETE, ANA, "restarted at 03:12");
        assertEquals(StepStatus.AWAITING_VERIFICATION, reported.step().status());
        assertEquals(TimelineAction.VERIFICATION_REQUESTED, reported.entries().get(0).action());

        StepRefusedException refused = assertThrows(StepRefusedException.class,
                () -> move(3, StepMove.START, BEN, null));
        assertEquals("Steps are walked in order, and step 2 'Restart the web server' is awaiting-verification: it"
                + " must be done or skipped before step 3", refused.getMessage());

        StepWalk.Walked verified = move(2, StepMove.VERIFY, BEN, "shop answers");
        assertEquals(StepStatus.DONE, verified.step().status());
        assertEquals(BEN, verified.step().verifiedBy());
        assertEquals(NOW, verified.step().verifiedAt());
        assertEquals(ANA, verified.step().finishedBy());
        assertEquals("restarted at 03:12", verified.step().note());
        assertEquals(List.of(TimelineEntry.of(NOW, BEN, TimelineAction.STEP_VERIFIED, 2, "shop answers")),
                verified.entries());
    }

    @Test
    void theExecutorOfACriticalStepCannotVerifyIt() {
        finish(1);
        move(2, StepMove.START, ANA, null);
        move(2, StepMove.COMPLETE, BEN, null);

        for (String executor : List.of(ANA, BEN)) {
            StepRefusedException refused = assertThrows(StepRefusedException.class,
                    () -> move(2, StepMove.VERIFY, executor, null));
            assertEquals("Step 2 is critical and needs a second person: " + executor + " carried it out, so someone"
                    + " else must verify it", refused.getMessage());
        }
        assertEquals(StepStatus.DONE, move(2, StepMove.VERIFY, CHO, null).step().status());
    }

    @Test
    void aCriticalStepSkippedAlsoNeedsASecondPerson() {
        finish(1);
        StepWalk.Walked skipped = move(2, StepMove.SKIP, ANA, "restarted by the customer already");
        assertEquals(StepStatus.AWAITING_VERIFICATION, skipped.step().status());
        assertEquals(StepStatus.SKIPPED, skipped.step().outcome());
        assertThrows(StepRefusedException.class, () -> move(2, StepMove.VERIFY, ANA, null));

        assertEquals(StepStatus.SKIPPED, move(2, StepMove.VERIFY, BEN, null).step().status());
    }

    @Test
    void stepsAreWalkedInOrder() {
        StepRefusedException refused = assertThrows(StepRefusedException.class,
                () -> move(2, StepMove.START, ANA, null));
        assertEquals("Steps are walked in order, and step 1 'Check free disk space' is pending: it must be done or"
                + " skipped before step 2", refused.getMessage());
        assertThrows(StepRefusedException.class, () -> move(3, StepMove.SKIP, ANA, "not needed"));

        move(1, StepMove.SKIP, ANA, "disk checked by the monitoring");
        assertEquals(StepStatus.IN_PROGRESS, move(2, StepMove.START, ANA, null).step().status());
    }

    @Test
    void aFailedStepMayBeStartedAgain() {
        move(1, StepMove.START, ANA, null);
        StepWalk.Walked failed = move(1, StepMove.FAIL, ANA, "ssh times out");
        assertEquals(StepStatus.FAILED, failed.step().status());
        assertEquals(List.of(TimelineEntry.of(NOW, ANA, TimelineAction.STEP_FAILED, 1, "ssh times out")),
                failed.entries());

        StepWalk.Walked again = move(1, StepMove.START, BEN, "through the console");
        assertEquals(StepStatus.IN_PROGRESS, again.step().status());
        assertEquals(BEN, again.step().startedBy());
        assertNull(again.step().note());
        assertNull(again.step().finishedBy());
    }

    @Test
    void movesThatDoNotFitTheStepsStateAreRefusedSayingWhy() {
        assertEquals("Step 1 'Check free disk space' is pending; only a step in progress can be reported done: start"
                + " it first", assertThrows(StepRefusedException.class,
                () -> move(1, StepMove.COMPLETE, ANA, null)).getMessage());
        assertThrows(StepRefusedException.class, () -> move(1, StepMove.FAIL, ANA, "no"));
        assertEquals("Step 1 'Check free disk space' is pending; only a critical step reported done or skipped"
                + " awaits verification", assertThrows(StepRefusedException.class,
                () -> move(1, StepMove.VERIFY, BEN, null)).getMessage());

        move(1, StepMove.START, ANA, null);
        assertEquals("Step 1 'Check free disk space' is in-progress, so it cannot be started again",
                assertThrows(StepRefusedException.class, () -> move(1, StepMove.START, BEN, null)).getMessage());
        move(1, StepMove.COMPLETE, ANA, null);
        assertThrows(StepRefusedException.class, () -> move(1, StepMove.SKIP, ANA, "late"));
        assertThrows(StepRefusedException.class, () -> move(1, StepMove.COMPLETE, ANA, null));
    }

    @Test
    void anUnknownStepIsNamed() {
        assertEquals("The execution has no step 4; its steps are 1 to 3",
                assertThrows(UnknownStepException.class, () -> move(4, StepMove.START, ANA, null)).getMessage());
        assertThrows(UnknownStepException.class, () -> move(0, StepMove.START, ANA, null));
    }

    @Test
    void theLastStepFinishedCompletesTheExecution() {
        finish(1);
        finish(2);
        move(3, StepMove.START, ANA, null);

        StepWalk.Walked last = move(3, StepMove.COMPLETE, ANA, "shop answers");

        Execution completed = last.completed().orElseThrow();
        assertEquals(ExecutionStatus.COMPLETED, completed.status());
        assertEquals(ANA, completed.closedBy());
        assertEquals(NOW, completed.closedAt());
        assertEquals(List.of(TimelineEntry.of(NOW, ANA, TimelineAction.STEP_DONE, 3, "shop answers"),
                TimelineEntry.of(NOW, ANA, TimelineAction.COMPLETED, null, null)), last.entries());
    }

    @Test
    void aLastCriticalStepCompletesTheExecutionWhenVerified() {
        steps.remove(2);
        finish(1);
        move(2, StepMove.START, ANA, null);
        assertTrue(move(2, StepMove.COMPLETE, ANA, null).completed().isEmpty());

        Execution completed = move(2, StepMove.VERIFY, BEN, null).completed().orElseThrow();
        assertEquals(BEN, completed.closedBy());
    }

    @Test
    void anEndedExecutionsStepsNoLongerChange() {
        Execution abandoned = ExecutionPolicy.close(execution, ExecutionStatus.ABANDONED, ANA, "replaced", NOW);

        StepRefusedException refused = assertThrows(StepRefusedException.class,
                () -> StepWalk.walk(abandoned, steps, 1, StepMove.START, ANA, null, NOW));
        assertEquals("The execution is abandoned; its steps can no longer change", refused.getMessage());
    }

    /** Makes the move and keeps the step it leaves, as the store would. */
    private StepWalk.Walked move(int position, StepMove move, String by, String note) {
        StepWalk.Walked walked = StepWalk.walk(execution, steps, position, move, by, note, NOW);
        steps.set(position - 1, walked.step());
        return walked;
    }

    /** Walks a step to done, with a second person's verification when it is critical. */
    private void finish(int position) {
        move(position, StepMove.START, ANA, null);
        move(position, StepMove.COMPLETE, ANA, null);
        if (steps.get(position - 1).critical()) {
            move(position, StepMove.VERIFY, CHO, null);
        }
    }
}
