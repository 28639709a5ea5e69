package dev.vigil.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DeliveryPolicyTest {
    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static final Duration BASE = Duration.ofSeconds(1);
    private static final Duration CAP = Duration.ofSeconds(30);
    private static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(10);

    private final DeliveryPolicy policy = new DeliveryPolicy(5, BASE, CAP, MAX_RETRY_AFTER, new Random(42));

    /**
     * The whole schedule with the production defaults (12 attempts, 5 s doubling to 1 h), on a clock this test moves
     * by each delay: a receiver that never answers is tried 12 times within hours, then given up; one that asks for
     * a date with Retry-After is tried again at that date on the same clock.
     */
    @Test
    void withTheDefaultsAReceiverThatNeverAnswersIsGivenUpWithinHoursAndARetryAfterDateIsKept() {
        DeliveryPolicy defaults = new DeliveryPolicy(12, Duration.ofSeconds(5), Duration.ofHours(1),
                Duration.ofHours(1), new Random(3));
        Instant clock = NOW;
        int attempts = 0;
        DeliveryPolicy.Decision decision;
        while ((decision = defaults.decide(++attempts, Attempt.error("connection refused"), clock))
                instanceof DeliveryPolicy.Retry retry) {
            clock = clock.plus(retry.delay());
        }
        assertInstanceOf(DeliveryPolicy.GiveUp.class, decision);
        assertEquals(12, attempts);
        Duration spent = Duration.between(NOW, clock);
        // the ceilings: 5 s, 10 s, ... 2,560 s, then 3,600 s twice, 2.4 h in all; full jitter waits less
        assertTrue(spent.compareTo(Duration.ofSeconds(5 * 1023 + 2 * 3600)) <= 0, "waited " + spent);
        assertTrue(spent.compareTo(Duration.ofMinutes(10)) > 0, "gave up after only " + spent);

        // an HTTP date has whole seconds
        Instant asked = clock.truncatedTo(ChronoUnit.SECONDS).plus(Duration.ofMinutes(20));
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(asked.atOffset(ZoneOffset.UTC));
        DeliveryPolicy.Decision later = defaults.decide(1, Attempt.response(503, date), clock);
        assertEquals(Duration.between(clock, asked), retryDelay(later), "the date is read on the same clock");
    }

    @Test
    void successfulResponseIsDelivered() {
        assertInstanceOf(DeliveryPolicy.Delivered.class, policy.decide(1, Attempt.response(204, null), NOW));
    }

    @Test
    void aRequestTheReceiverRefusesIsGivenUpAtOnceButATimeoutOrTooManyRequestsIsRetried() {
        for (int refused : new int[] {400, 401, 403, 404, 410, 413, 422, 499}) {
            assertInstanceOf(DeliveryPolicy.GiveUp.class, policy.decide(1, Attempt.response(refused, null), NOW),
                    "HTTP " + refused);
        }
        for (int transientStatus : new int[] {408, 429, 500, 502, 503, 504}) {
            assertInstanceOf(DeliveryPolicy.Retry.class,
                    policy.decide(1, Attempt.response(transientStatus, null), NOW), "HTTP " + transientStatus);
        }
    }

    @Test
    void failedAttemptIsRetriedWithinTheExponentialCeiling() {
        for (int attempts = 1; attempts <= 4; attempts++) {
            long ceiling = Math.min(CAP.toMillis(), BASE.toMillis() << (attempts - 1));
            for (int i = 0; i < 200; i++) {
                Duration delay = retryDelay(policy.decide(attempts, Attempt.response(500, null), NOW));
                assertTrue(delay.toMillis() >= 0 && delay.toMillis() <= ceiling,
                        "attempt " + attempts + " waited " + delay + ", ceiling " + ceiling + "ms");
            }
        }
    }

    @Test
    void theBackoffCeilingDoublesWithEachAttemptUpToTheCap() {
        // full jitter draws uniformly below the ceiling: 200 draws all under 3/4 of it has odds of 0.75^200
        for (int attempts = 1; attempts <= 4; attempts++) {
            long ceiling = BASE.toMillis() << (attempts - 1);
            assertTrue(longestOf200(policy, attempts) > ceiling * 3 / 4, "attempt " + attempts
                    + " never waited near its ceiling of " + ceiling + "ms: the backoff does not grow");
        }
        DeliveryPolicy patient = new DeliveryPolicy(100, BASE, CAP, MAX_RETRY_AFTER, new Random(11));
        assertTrue(longestOf200(patient, 20) > CAP.toMillis() * 3 / 4, "late attempts never waited near the cap");
    }

    private static long longestOf200(DeliveryPolicy policy, int attempts) {
        return java.util.stream.IntStream.range(0, 200)
                .mapToLong(i -> retryDelay(policy.decide(attempts, Attempt.response(500, null), NOW)).toMillis())
                .max().orElseThrow();
    }

    @Test
    void backoffIsJitteredNotFixed() {
        long distinct = java.util.stream.IntStream.range(0, 50)
                .mapToObj(i -> retryDelay(policy.decide(3, Attempt.error("connection refused"), NOW)))
                .distinct().count();

        assertTrue(distinct > 10, "only " + distinct + " distinct delays");
    }

    @Test
    void backoffNeverExceedsTheCap() {
        DeliveryPolicy patient = new DeliveryPolicy(100, BASE, CAP, MAX_RETRY_AFTER, new Random(7));
        for (int i = 0; i < 200; i++) {
            assertTrue(retryDelay(patient.decide(60, Attempt.response(502, null), NOW)).compareTo(CAP) <= 0);
        }
    }

    @Test
    void retryAfterSecondsIsHonouredOnTooManyRequests() {
        Duration delay = retryDelay(policy.decide(1, Attempt.response(429, "120"), NOW));

        assertEquals(Duration.ofSeconds(120), delay);
    }

    @Test
    void retryAfterHttpDateIsHonouredOnServiceUnavailable() {
        String at = DateTimeFormatter.RFC_1123_DATE_TIME.format(NOW.plusSeconds(90).atOffset(ZoneOffset.UTC));

        Duration delay = retryDelay(policy.decide(1, Attempt.response(503, at), NOW));

        assertEquals(Duration.ofSeconds(90), delay);
    }

    @Test
    void retryAfterLongerThanTheLimitIsClampedToIt() {
        Duration delay = retryDelay(policy.decide(1, Attempt.response(429, "86400"), NOW));

        assertEquals(MAX_RETRY_AFTER, delay);
    }

    @Test
    void unreadableRetryAfterFallsBackToBackoff() {
        Duration delay = retryDelay(policy.decide(1, Attempt.response(503, "soon"), NOW));

        assertTrue(delay.compareTo(BASE) <= 0);
    }

    @Test
    void retryAfterOnOtherStatusesIsIgnored() {
        Duration delay = retryDelay(policy.decide(1, Attempt.response(500, "600"), NOW));

        assertTrue(delay.compareTo(BASE) <= 0);
    }

    @Test
    void lastAllowedAttemptFailingGivesUp() {
        assertInstanceOf(DeliveryPolicy.GiveUp.class, policy.decide(5, Attempt.response(500, null), NOW));
    }

    @Test
    void refusedTargetGivesUpAtOnce() {
        assertInstanceOf(DeliveryPolicy.GiveUp.class,
                policy.decide(1, Attempt.refused("resolves to a private address"), NOW));
    }

    @Test
    void redirectCountsAsFailure() {
        assertInstanceOf(DeliveryPolicy.Retry.class, policy.decide(1, Attempt.response(302, null), NOW));
    }

    private static Duration retryDelay(DeliveryPolicy.Decision decision) {
        return assertInstanceOf(DeliveryPolicy.Retry.class, decision).delay();
    }

    @Test
    void aMailTheRelayTookIsDeliveredATransientRefusalIsRetriedAPermanentOneIsNot() {
        assertInstanceOf(DeliveryPolicy.Delivered.class, policy.decide(1, Attempt.mailAccepted(), NOW));
        Attempt busy = Attempt.mailRefused(451, "4.3.0 mailbox busy, try later");
        assertInstanceOf(DeliveryPolicy.Retry.class, policy.decide(1, busy, NOW));
        assertTrue(busy.unavailable(), "a relay that defers counts toward the endpoint's breaker");
        Attempt noSuchUser = Attempt.mailRefused(550, "5.1.1 no such user");
        assertInstanceOf(DeliveryPolicy.GiveUp.class, policy.decide(1, noSuchUser, NOW));
        assertEquals(550, noSuchUser.statusCode());
        assertEquals("SMTP 5.1.1 no such user", noSuchUser.error());
    }
}
