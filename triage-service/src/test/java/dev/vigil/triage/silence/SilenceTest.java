package dev.vigil.triage.silence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.triage.rules.Matcher;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A silence's time and labels decide what it keeps quiet; expiring it keeps the record. */
class SilenceTest {
    private static final Instant START = Instant.parse("2026-06-01T10:00:00Z");
    private static final Instant END = Instant.parse("2026-06-01T12:00:00Z");
    private static final Map<String, String> DB_PROD = Map.of("env", "prod", "resource", "db-02");

    private static Silence silence(Instant endsAt, boolean untilResolved) {
        return new Silence(UUID.randomUUID(), "acme", List.of(Matcher.equal("env", "prod"),
                Matcher.matches("resource", "db-.*")), START, endsAt, untilResolved, "disk swap", "olga",
                START.minusSeconds(60), null);
    }

    @Test
    void silencesMatchingAlertsObservedFromItsStartUntilJustBeforeItsEnd() {
        SilenceRule rule = silence(END, false).rule();
        assertFalse(rule.silences(DB_PROD, START.minusNanos(1000)));
        assertTrue(rule.silences(DB_PROD, START));
        assertTrue(rule.silences(DB_PROD, END.minusNanos(1000)));
        assertFalse(rule.silences(DB_PROD, END), "the end is excluded");
        assertFalse(rule.silences(Map.of("env", "prod", "resource", "web-01"), START), "every matcher must hold");
    }

    @Test
    void anUntilResolvedSilenceHoldsOpenEndedUntilItIsEnded() {
        Silence open = silence(null, true);
        assertTrue(open.rule().silences(DB_PROD, START.plusSeconds(86_400 * 365)));
        Silence ended = open.expiredAt(END, Silence.ENDED_BY_RESOLUTION);
        assertFalse(ended.rule().silences(DB_PROD, END));
        assertEquals(SilenceState.EXPIRED, ended.stateAt(END));
    }

    @Test
    void stateIsPendingThenActiveThenExpired() {
        Silence silence = silence(END, false);
        assertEquals(SilenceState.PENDING, silence.stateAt(START.minusSeconds(1)));
        assertEquals(SilenceState.ACTIVE, silence.stateAt(START));
        assertEquals(SilenceState.EXPIRED, silence.stateAt(END));
    }

    @Test
    void expiringSetsTheEndToNowAndExpiringAgainChangesNothing() {
        Instant now = START.plusSeconds(600);
        Silence expired = silence(END, false).expiredAt(now, "olga");
        assertEquals(now, expired.endsAt());
        assertEquals("olga", expired.endedBy());
        assertSame(expired, expired.expiredAt(now.plusSeconds(60), "pete"), "the first end is kept");

        Silence pending = silence(END, false).expiredAt(START.minusSeconds(60), "olga");
        assertEquals(SilenceState.EXPIRED, pending.stateAt(START), "a pending silence expired never begins");
        assertFalse(pending.rule().silences(DB_PROD, START));
    }
}
