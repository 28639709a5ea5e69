package dev.vigil.ingest.heartbeat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.contracts.Alert;
import dev.vigil.contracts.AlertStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class HeartbeatPolicyTest {
    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private static final HeartbeatSchedule.Change FIVE_MINUTES = HeartbeatSchedule.Change.read("300", "60");

    @Test
    void theFirstPingMakesANewHeartbeatOkAndDueAfterIntervalAndGrace() {
        Heartbeat fresh = HeartbeatPolicy.created(UUID.randomUUID(), "acme", "backup", FIVE_MINUTES, T0);
        assertEquals(HeartbeatState.NEW, fresh.state());

        HeartbeatPolicy.Ping ping = HeartbeatPolicy.pinged(fresh, FIVE_MINUTES, T0);

        assertEquals(HeartbeatState.OK, ping.after().state());
        assertEquals(T0.plusSeconds(360), ping.after().dueAt());
        assertEquals(Optional.empty(), ping.resolved());
    }

    @Test
    void aNewHeartbeatIsNeverMissed() {
        Heartbeat fresh = HeartbeatPolicy.created(UUID.randomUUID(), "acme", "backup", FIVE_MINUTES, T0);
        assertEquals(List.of(), HeartbeatPolicy.missed(List.of(fresh), T0.plus(Duration.ofDays(400))));
    }

    @Test
    void aHeartbeatIsMissedOnceItsDueTimeIsReachedAndNotBefore() {
        Heartbeat ok = pinged(T0);
        assertEquals(List.of(), HeartbeatPolicy.missed(List.of(ok), T0.plusSeconds(359)));

        List<HeartbeatPolicy.Miss> misses = HeartbeatPolicy.missed(List.of(ok), T0.plusSeconds(360));

        assertEquals(1, misses.size());
        assertEquals(HeartbeatState.MISSED, misses.get(0).after().state());
        assertEquals(T0.plusSeconds(360), misses.get(0).after().missedDueAt());
        Alert firing = misses.get(0).firing();
        assertEquals(AlertStatus.FIRING, firing.status());
        assertEquals("heartbeat:backup", firing.fingerprint());
        assertEquals("heartbeat", firing.source());
        assertEquals("heartbeat", firing.check());
        assertEquals("backup", firing.resource());
        assertEquals("acme", firing.tenant());
        assertEquals("no heartbeat from backup since 2026-11-25T10:00:00Z; expected every 5m (grace 1m)",
                firing.summary());
        assertEquals(T0.plusSeconds(360), firing.observedAt());
        assertTrue(firing.missingField().isEmpty(), "triage would park it");
    }

    @Test
    void aMissedHeartbeatIsNotMissedAgain() {
        Heartbeat missed = HeartbeatPolicy.missed(List.of(pinged(T0)), T0.plusSeconds(400)).get(0).after();
        assertEquals(List.of(), HeartbeatPolicy.missed(List.of(missed), T0.plusSeconds(4000)));
    }

    @Test
    void aMissEvaluatedAgainLaterKeepsItsEventIdSoTriageCountsItOnce() {
        Heartbeat ok = pinged(T0);
        Alert first = HeartbeatPolicy.missed(List.of(ok), T0.plusSeconds(361)).get(0).firing();
        Alert again = HeartbeatPolicy.missed(List.of(ok), T0.plusSeconds(900)).get(0).firing();
        assertEquals(first.eventId(), again.eventId());
    }

    @Test
    void theNextPingResolvesTheMissWithTheSameFingerprintAndAnIdOfItsOwn() {
        HeartbeatPolicy.Miss miss = HeartbeatPolicy.missed(List.of(pinged(T0)), T0.plusSeconds(400)).get(0);

        HeartbeatPolicy.Ping ping = HeartbeatPolicy.pinged(miss.after(), HeartbeatSchedule.Change.NONE,
                T0.plusSeconds(500));

        Alert resolved = ping.resolved().orElseThrow();
        assertEquals(AlertStatus.RESOLVED, resolved.status());
        assertEquals(miss.firing().fingerprint(), resolved.fingerprint());
        assertNotEquals(miss.firing().eventId(), resolved.eventId());
        assertEquals(HeartbeatState.OK, ping.after().state());
        assertNull(ping.after().missedDueAt());
        assertEquals(T0.plusSeconds(860), ping.after().dueAt());
        assertEquals(resolved.eventId(), HeartbeatPolicy.pinged(miss.after(), HeartbeatSchedule.Change.NONE,
                T0.plusSeconds(700)).resolved().orElseThrow().eventId(), "a retried ping republishes the same id");
    }

    @Test
    void aPingOnTimeRaisesNothingAndALatePingResolvesAMissThatMayHaveBeenPublished() {
        Heartbeat ok = pinged(T0);
        assertEquals(Optional.empty(), HeartbeatPolicy.pinged(ok, HeartbeatSchedule.Change.NONE,
                T0.plusSeconds(359)).resolved());

        Alert resolved = HeartbeatPolicy.pinged(ok, HeartbeatSchedule.Change.NONE, T0.plusSeconds(361)).resolved()
                .orElseThrow();
        assertEquals(HeartbeatPolicy.eventId("acme", "backup", T0.plusSeconds(360), AlertStatus.RESOLVED),
                resolved.eventId());
    }

    @Test
    void aStaffChangeMovesTheDueTimeButKeepsAMiss() {
        Heartbeat ok = pinged(T0);
        Heartbeat longer = HeartbeatPolicy.rescheduled(ok, HeartbeatSchedule.Change.read("P1D", null));
        assertEquals(T0.plus(Duration.ofDays(1)).plusSeconds(60), longer.dueAt());

        Heartbeat missed = HeartbeatPolicy.missed(List.of(ok), T0.plusSeconds(400)).get(0).after();
        Heartbeat changed = HeartbeatPolicy.rescheduled(missed, HeartbeatSchedule.Change.read("P1D", null));
        assertEquals(HeartbeatState.MISSED, changed.state());
        assertEquals(T0.plusSeconds(360), changed.missedDueAt());
    }

    private static Heartbeat pinged(Instant at) {
        Heartbeat fresh = HeartbeatPolicy.created(UUID.randomUUID(), "acme", "backup", FIVE_MINUTES, at);
        return HeartbeatPolicy.pinged(fresh, HeartbeatSchedule.Change.NONE, at).after();
    }
}
