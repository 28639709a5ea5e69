package dev.vigil.notify;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Decides what follows an attempt: delivered, try again later (and when), or give up. Retries back off
 * exponentially with full jitter, so receivers recovering from an outage are not hit by every sender at
 * once, and a receiver's Retry-After on 429/503 is honoured.
 */
public final class DeliveryPolicy {

    public sealed interface Decision permits Delivered, Retry, GiveUp {
    }

    public record Delivered() implements Decision {
    }

    public record Retry(Duration delay) implements Decision {
    }

    public record GiveUp() implements Decision {
    }

    private final int maxAttempts;
    private final Duration backoffBase;
    private final Duration backoffCap;
    private final Duration maxRetryAfter;
    private final RandomGenerator random;

    /** @param random shared across threads: pass a thread-safe generator such as {@link java.util.Random} */
    public DeliveryPolicy(int maxAttempts, Duration backoffBase, Duration backoffCap, Duration maxRetryAfter,
            RandomGenerator random) {
        this.maxAttempts = maxAttempts;
        this.backoffBase = backoffBase;
        this.backoffCap = backoffCap;
        this.maxRetryAfter = maxRetryAfter;
        this.random = random;
    }

    /** @param attempts attempts made so far, including the one that produced {@code attempt} */
    public Decision decide(int attempts, Attempt attempt, Instant now) {
        if (attempt.succeeded()) {
            return new Delivered();
        }
        if (attempt.permanent() || attempts >= maxAttempts) {
            return new GiveUp();
        }
        Optional<Duration> asked = attempt.statusCode() == 429 || attempt.statusCode() == 503
                ? retryAfter(attempt.retryAfter(), now)
                : Optional.empty();
        return new Retry(asked.map(this::clampRetryAfter).orElseGet(() -> backoff(attempts)));
    }

    /** Full jitter: uniformly between zero and min(cap, base * 2^(attempts-1)). */
    Duration backoff(int attempts) {
        long ceiling = Math.max(1, backoffBase.toMillis());
        long cap = Math.max(ceiling, backoffCap.toMillis());
        for (int i = 1; i < attempts && ceiling < cap; i++) {
            ceiling *= 2;
        }
        return Duration.ofMillis(random.nextLong(Math.min(ceiling, cap) + 1));
    }

    /** Retry-After as delay-seconds or an HTTP date; empty when absent or unreadable. */
    static Optional<Duration> retryAfter(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.trim();
        if (value.chars().allMatch(Character::isDigit)) {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
            } catch (NumberFormatException e) {
                return Optional.empty(); // too many digits for a long: no sane receiver means that
            }
        }
        try {
            Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return Optional.of(at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private Duration clampRetryAfter(Duration asked) {
        return asked.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : asked;
    }
}
