package dev.vigil.ingest.api;

/** The tenant has used its share of this replica for now; it may retry after {@code retryAfterSeconds}. */
public class RateLimitedException extends RuntimeException {
    private final long retryAfterSeconds;

    public RateLimitedException(long retryAfterSeconds) {
        super("The tenant sends more alerts than its rate allows; retry after " + retryAfterSeconds + " s", null,
                false, false);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
