package dev.vigil.triage.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.triage.AlertHistory;
import io.vertx.core.buffer.Buffer;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The stored form of an alert's last results: one 8-byte word each, the same as the V8 migration writes. */
class AlertHistoryWordsTest {

    @Test
    void resultsSurviveTheirStoredFormInOrderToTheMillisecond() {
        AlertHistory history = new AlertHistory(List.of(
                new AlertHistory.Result(Instant.parse("2026-11-26T02:00:00.123Z"), true),
                new AlertHistory.Result(Instant.parse("2026-11-26T02:00:30.456Z"), false),
                new AlertHistory.Result(Instant.parse("2026-11-26T02:01:00Z"), true)));

        Buffer stored = AlertStateStore.history(history);

        assertEquals(24, stored.length());
        assertEquals(history, AlertStateStore.history(stored));
    }

    @Test
    void theWordIsTheMigrationsShiftedMillisWithTheFiringBit() {
        // what pg_temp.history_words in V8 makes of [[1764160000123,1],[1764160000456,0]]
        Buffer migrated = Buffer.buffer(new byte[] {0, 0, 3, 0x35, (byte) 0x80, 0x42, (byte) 0xa0, (byte) 0xf7,
                0, 0, 3, 0x35, (byte) 0x80, 0x42, (byte) 0xa3, (byte) 0x90});

        assertEquals(new AlertHistory(List.of(new AlertHistory.Result(Instant.ofEpochMilli(1764160000123L), true),
                new AlertHistory.Result(Instant.ofEpochMilli(1764160000456L), false))),
                AlertStateStore.history(migrated));
        assertEquals(0, AlertStateStore.history(AlertHistory.EMPTY).length());
    }
}
