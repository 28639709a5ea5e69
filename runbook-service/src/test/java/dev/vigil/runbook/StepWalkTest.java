package dev.vigil.runbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
            "Web server down", 1, ExecutionStatus.OPEN, 3, OPENED, null, null, null, IncidentFacts.UNKNOWN);
    private final List<ExecutionStep> steps = new ArrayList<>(List.of(
            pending(1, null, StepKind.CHECK, "Check free disk space", false, Map.of()),
            pending(2, null, StepKind.ACTION, "Restart the web server", true, Map.of()),
            pending(3, null, StepKind.CHECK, "Check the shop answers", false, Map.of())));

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
    void aDecisionGoesOnToTheStepItsAnswerNamesAndPassesOverTheOnesBetween() {
        steps.clear();
        steps.addAll(List.of(
                pending(1, null, StepKind.DECISION, "Is the disk full?", false,
                        Map.of("yes", "clean-disk", "no", "restart-web")),
                pending(2, "clean-disk", StepKind.ACTION, "Remove old logs", true, Map.of()),
                pending(3, "restart-web", StepKind.ACTION, "Restart the web server", false, Map.of()),
                pending(4, null, StepKind.CHECK, "Check the shop answers", false, Map.of())));
        move(1, StepMove.START, ANA, null);

        StepWalk.Walked decided = move(1, StepMove.COMPLETE, ANA, "62% used", "no");

        assertEquals(List.of(StepStatus.DONE, StepStatus.SKIPPED),
                decided.changed().stream().map(ExecutionStep::status).toList());
        ExecutionStep passed = steps.get(1);
        assertEquals("Not taken: step 1 'Is the disk full?' was answered 'no'", passed.note());
        assertNull(passed.verifiedBy());
        assertEquals(List.of(TimelineEntry.of(NOW, ANA, TimelineAction.STEP_DONE, 1, "62% used"),
                TimelineEntry.of(NOW, ANA, TimelineAction.BRANCHED, 1, "answered 'no': on to step 3"),
                TimelineEntry.of(NOW, ANA, TimelineAction.STEP_SKIPPED, 2, passed.note())), decided.entries());
        assertEquals("no", steps.get(0).answer());
        assertEquals(StepStatus.IN_PROGRESS, move(3, StepMove.START, BEN, null).step().status());
    }

    @Test
    void theArmsOfADecisionRejoinAtTheStepTheLastOfAnArmGoesOnTo() {
        steps.clear();
        steps.addAll(List.of(
                pending(1, null, StepKind.DECISION, "Is the disk full?", false,
                        Map.of("yes", "clean-disk", "no", "restart-web")),
                pending(2, "clean-disk", StepKind.ACTION, "Remove old logs", true, Map.of(), "check-shop"),
                pending(3, "restart-web", StepKind.ACTION, "Restart the web server", false, Map.of()),
                pending(4, "check-shop", StepKind.CHECK, "Check the shop answers", false, Map.of())));
        move(1, StepMove.START, ANA, null);
        move(1, StepMove.COMPLETE, ANA, null, "yes");
        move(2, StepMove.START, ANA, null);

        StepWalk.Walked reported = move(2, StepMove.COMPLETE, ANA, "Freed 40 GB");
        assertEquals(1, reported.changed().size(), "a critical step goes on only once verified");
        StepWalk.Walked verified = move(2, StepMove.VERIFY, BEN, null);

        assertEquals(StepStatus.SKIPPED, steps.get(2).status(), "the other arm is passed over");
        assertEquals("Not taken: step 2 'Remove old logs' goes on to step 4", steps.get(2).note());
        assertEquals(List.of(TimelineEntry.of(NOW, BEN, TimelineAction.STEP_VERIFIED, 2, null),
                TimelineEntry.of(NOW, BEN, TimelineAction.BRANCHED, 2, "on to step 4"),
                TimelineEntry.of(NOW, BEN, TimelineAction.STEP_SKIPPED, 3, steps.get(2).note())),
                verified.entries());
        move(4, StepMove.START, CHO, null);
        assertTrue(move(4, StepMove.COMPLETE, CHO, null).completed().isPresent(), "both arms end at step 4");
    }

    @Test
    void aSkippedStepStillGoesOnToTheStepItNames() {
        steps.clear();
        steps.addAll(List.of(
                pending(1, null, StepKind.ACTION, "Take a backup", false, Map.of(), "restart"),
                pending(2, null, StepKind.ACTION, "Copy the backup off site", false, Map.of()),
                pending(3, "restart", StepKind.ACTION, "Restart", false, Map.of())));

        move(1, StepMove.SKIP, ANA, "The nightly backup is an hour old");

        assertEquals(StepStatus.SKIPPED, steps.get(1).status());
        assertEquals(StepStatus.IN_PROGRESS, move(3, StepMove.START, ANA, null).step().status());
    }

    @Test
    void aDecisionNeedsOneOfItsAnswersAndOnlyADecisionTakesOne() {
        steps.set(0, pending(1, null, StepKind.DECISION, "Is the disk full?", false, Map.of("yes", "restart")));
        move(1, StepMove.START, ANA, null);

        assertEquals("answer", assertThrows(StepInputException.class,
                () -> move(1, StepMove.COMPLETE, ANA, null, null)).field());
        assertEquals("must be one of the decision's answers: yes", assertThrows(StepInputException.class,
                () -> move(1, StepMove.COMPLETE, ANA, null, "maybe")).getMessage());
        assertThrows(StepInputException.class, () -> move(2, StepMove.START, ANA, null, "yes"));
    }

    @Test
    void aCriticalDecisionBranchesOnlyOnceVerified() {
        steps.clear();
        steps.addAll(List.of(
                pending(1, null, StepKind.DECISION, "Fail over to the standby?", true, Map.of("yes", "fail-over",
                        "no", "wait")),
                pending(2, "fail-over", StepKind.ACTION, "Fail over", true, Map.of()),
                pending(3, "wait", StepKind.ACTION, "Wait for the vendor", false, Map.of())));
        move(1, StepMove.START, ANA, null);

        StepWalk.Walked reported = move(1, StepMove.COMPLETE, ANA, null, "no");
        assertEquals(1, reported.changed().size());
        assertEquals(StepStatus.PENDING, steps.get(1).status());

        StepWalk.Walked verified = move(1, StepMove.VERIFY, BEN, null);
        assertEquals(StepStatus.SKIPPED, steps.get(1).status());
        assertEquals(2, verified.changed().size());
    }

    @Test
    void aDecisionThatPassesOverTheLastStepsCompletesTheExecution() {
        steps.clear();
        steps.addAll(List.of(
                pending(1, null, StepKind.DECISION, "Still failing?", false, Map.of("no", "close", "yes", "fix")),
                pending(2, "fix", StepKind.ACTION, "Fix it", false, Map.of()),
                pending(3, "close", StepKind.CONTACT_CUSTOMER, "Tell the customer", false, Map.of())));
        move(1, StepMove.START, ANA, null);
        move(1, StepMove.COMPLETE, ANA, null, "no");
        move(3, StepMove.START, ANA, null);

        assertTrue(move(3, StepMove.COMPLETE, ANA, null).completed().isPresent());
    }

    @Test
    void aStepThatNeedsTheCustomersApprovalStartsOnlyOnceApproved() {
        steps.set(0, ExecutionStep.pending(new RunbookStep(1, null, StepKind.ACTION, "Restart the database", null,
                null, false, true, true, Map.of(), null)));

        assertEquals("Step 1 'Restart the database' needs the customer's approval before it starts: they have not"
                + " decided yet", assertThrows(StepRefusedException.class,
                () -> move(1, StepMove.START, ANA, null)).getMessage());
        StepWalk.Walked rejected = decide(1, false, "Not during the sale");
        assertEquals(List.of(TimelineEntry.of(NOW, "customer@acme", TimelineAction.REJECTED, 1,
                "Not during the sale")), rejected.entries());
        assertTrue(assertThrows(StepRefusedException.class, () -> move(1, StepMove.START, ANA, null)).getMessage()
                .contains("customer@acme rejected it (Not during the sale)"));

        decide(1, true, "Go ahead after 06:00");
        assertEquals(StepStatus.IN_PROGRESS, move(1, StepMove.START, ANA, null).step().status());
        assertEquals("Go ahead after 06:00", steps.get(0).approval().note());
        assertTrue(assertThrows(StepRefusedException.class, () -> decide(1, false, "changed my mind"))
                .getMessage().endsWith("an approval is given before the step starts"));
        assertThrows(StepRefusedException.class, () -> decide(2, true, null));
    }

    @Test
    void anEndedExecutionsStepsNoLongerChange() {
        Execution abandoned = ExecutionPolicy.close(execution, ExecutionStatus.ABANDONED, ANA, "replaced", NOW);

        StepRefusedException refused = assertThrows(StepRefusedException.class,
                () -> StepWalk.walk(abandoned, steps, 1, StepMove.START, ANA, null, null, NOW));
        assertEquals("The execution is abandoned; its steps can no longer change", refused.getMessage());
    }

    /** Makes the move and keeps the step it leaves, as the store would. */
    private StepWalk.Walked move(int position, StepMove move, String by, String note) {
        return move(position, move, by, note, null);
    }

    /** Makes the move and keeps the steps it leaves, as the store would. */
    private StepWalk.Walked move(int position, StepMove move, String by, String note, String answer) {
        StepWalk.Walked walked = StepWalk.walk(execution, steps, position, move, by, note, answer, NOW);
        walked.changed().forEach(changed -> steps.set(changed.position() - 1, changed));
        return walked;
    }

    private StepWalk.Walked decide(int position, boolean approved, String note) {
        StepWalk.Walked walked = StepWalk.decide(execution, steps, position, approved, "customer@acme", note, NOW);
        walked.changed().forEach(changed -> steps.set(changed.position() - 1, changed));
        return walked;
    }

    private static ExecutionStep pending(int position, String name, StepKind kind, String title, boolean critical,
            Map<String, String> branches) {
        return pending(position, name, kind, title, critical, branches, null);
    }

    private static ExecutionStep pending(int position, String name, StepKind kind, String title, boolean critical,
            Map<String, String> branches, String next) {
        return ExecutionStep.pending(new RunbookStep(position, name, kind, title, null, null, critical, false, false,
                branches, next));
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
