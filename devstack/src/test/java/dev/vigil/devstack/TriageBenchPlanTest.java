package dev.vigil.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What bench-triage posts: exactly the alerts asked for, each fingerprint as often as the check expects. */
class TriageBenchPlanTest {

    @Test
    void repeatsSendEachFingerprintItsShareAndTheFirstOnesOnceMore() {
        TriageBenchPlan plan = new TriageBenchPlan(1005, 10, 4, 100);

        Map<Long, Long> sent = sent(plan);

        assertEquals(1005, sent.values().stream().mapToLong(Long::longValue).sum());
        assertEquals(10, sent.size());
        for (long alert = 0; alert < 10; alert++) {
            assertEquals(alert < 5 ? 101 : 100, sent.get(alert), "alert " + alert);
            assertEquals(sent.get(alert), plan.occurrencesOf(alert), "alert " + alert);
        }
    }

    @Test
    void newAlertsAreEachSentOnce() {
        TriageBenchPlan plan = new TriageBenchPlan(1001, 1001, 3, 100);

        Map<Long, Long> sent = sent(plan);

        assertEquals(1001, sent.size());
        assertTrue(sent.values().stream().allMatch(times -> times == 1), sent.toString());
    }

    @Test
    void everyRequestCarriesOneTenantsAlertsAndAtMostABatch() {
        TriageBenchPlan plan = new TriageBenchPlan(2000, 70, 3, 100);

        for (TriageBenchPlan.Batch batch : plan.batches()) {
            assertTrue(batch.size() <= 100, batch.toString());
            assertTrue(plan.alertsOf(batch).stream().allMatch(alert -> plan.tenantOf(alert) == batch.tenant()),
                    batch.toString());
        }
    }

    @Test
    void tenantsBeyondTheFingerprintsAreSentNothing() {
        TriageBenchPlan plan = new TriageBenchPlan(50, 2, 4, 100);

        assertEquals(0, plan.sentTo(2));
        assertEquals(0, plan.sentTo(3));
        assertEquals(Map.of(0L, 25L, 1L, 25L), sent(plan));
    }

    @Test
    void moreFingerprintsThanAlertsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new TriageBenchPlan(10, 11, 1, 100));
    }

    private static Map<Long, Long> sent(TriageBenchPlan plan) {
        Map<Long, Long> sent = new HashMap<>();
        for (TriageBenchPlan.Batch batch : plan.batches()) {
            plan.alertsOf(batch).forEach(alert -> sent.merge(alert, 1L, Long::sum));
        }
        return sent;
    }
}
