package dev.vigil.ingest;

/**
 * A tenant's allowance: {@code rate} alerts a second, at most {@code burst} saved up. Time comes in as an argument
 * (nanoseconds of a monotonic clock), so the arithmetic is tested without waiting.
 */
public final class TokenBucket {
    private static final double NANOS_PER_SECOND = 1e9;
    private final double rate;
    private final double burst;
    private double tokens;
    private long updatedAt;

    public TokenBucket(int rate, int burst, long now) {
        this.rate = rate;
        this.burst = burst;
        this.tokens = burst;
        this.updatedAt = now;
    }

    /**
     * Takes {@code alerts} tokens if there are; otherwise takes none and answers how many nanos until there are.
     * {@code alerts} must not exceed the burst.
     */
    public synchronized long take(int alerts, long now) {
        tokens = Math.min(burst, tokens + (now - updatedAt) * rate / NANOS_PER_SECOND);
        updatedAt = now;
        if (alerts <= tokens) {
            tokens -= alerts;
            return 0;
        }
        return (long) Math.ceil((alerts - tokens) * NANOS_PER_SECOND / rate);
    }
}
