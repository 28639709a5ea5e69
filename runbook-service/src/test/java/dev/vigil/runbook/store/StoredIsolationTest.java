package dev.vigil.runbook.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.runbook.Finding;
import dev.vigil.runbook.Isolation;
import dev.vigil.runbook.IsolationArea;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoredIsolationTest {

    @Test
    void aRecordReadsBackAsItWasWritten() {
        Isolation isolation = new Isolation(Map.of(IsolationArea.NETWORK, new Isolation.Checked(Finding.FAULT,
                "switch port down", "ana", Instant.parse("2026-11-27T03:10:00Z"))));

        assertEquals(isolation, StoredIsolation.read(StoredIsolation.write(isolation)));
        assertEquals(Isolation.NONE, StoredIsolation.read("{}"));
    }
}
