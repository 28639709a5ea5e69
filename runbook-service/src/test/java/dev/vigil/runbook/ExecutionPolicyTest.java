package dev.vigil.runbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ExecutionPolicyTest {
    private static final Instant OPENED = Instant.parse("2026-11-26T03:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-26T04:00:00Z");

    @Test
    void completingAnOpenExecutionRecordsWhoWhenAndTheNote() {
        Execution open = open();

        Execution completed = ExecutionPolicy.close(open, ExecutionStatus.COMPLETED, "ana", "restarted", NOW);

        assertEquals(new Execution(open.id(), "acme", open.incidentId(), open.runbookId(), "Web server down",
                1, ExecutionStatus.COMPLETED, 2, OPENED, NOW, "ana", "restarted", IncidentFacts.UNKNOWN), completed);
    }

    @Test
    void abandoningAnOpenExecutionKeepsTheReason() {
        Execution abandoned = ExecutionPolicy.close(open(), ExecutionStatus.ABANDONED, "ben", "server replaced", NOW);

        assertEquals(ExecutionStatus.ABANDONED, abandoned.status());
        assertEquals("server replaced", abandoned.closeNote());
        assertEquals("ben", abandoned.closedBy());
    }

    @Test
    void anEndedExecutionIsRefusedNamingItsStateAndTheWantedOne() {
        Execution completed = ExecutionPolicy.close(open(), ExecutionStatus.COMPLETED, "ana", null, NOW);
        Execution abandoned = ExecutionPolicy.close(open(), ExecutionStatus.ABANDONED, "ana", "gone", NOW);

        assertEquals("The execution is completed; it cannot be abandoned", assertThrows(
                ExecutionNotOpenException.class,
                () -> ExecutionPolicy.close(completed, ExecutionStatus.ABANDONED, "ben", "late", NOW)).getMessage());
        assertEquals("The execution is completed; it cannot be completed", assertThrows(
                ExecutionNotOpenException.class,
                () -> ExecutionPolicy.close(completed, ExecutionStatus.COMPLETED, "ben", null, NOW)).getMessage());
        assertEquals("The execution is abandoned; it cannot be completed", assertThrows(
                ExecutionNotOpenException.class,
                () -> ExecutionPolicy.close(abandoned, ExecutionStatus.COMPLETED, "ben", null, NOW)).getMessage());
    }

    private static Execution open() {
        return new Execution(UUID.randomUUID(), "acme", UUID.randomUUID(), UUID.randomUUID(), "Web server down",
                1, ExecutionStatus.OPEN, 2, OPENED, null, null, null, IncidentFacts.UNKNOWN);
    }
}
