package dev.vigil.platform.messaging;

import io.smallrye.mutiny.Uni;
import java.time.Duration;

/**
 * How every consumer retries applying a batch: a few quick tries ride out a dropped connection or a failover
 * (about 5 s in all); past them the failure propagates and the channel's dead-letter-queue strategy parks the
 * batch rather than stalling its partitions (ADR 0002).
 */
public final class BatchRetry {
    private static final int RETRIES = 5;
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(2);

    private BatchRetry() {
    }

    public static <T> Uni<T> onTransientFailure(Uni<T> apply) {
        return apply.onFailure().retry().withBackOff(FIRST_BACKOFF, MAX_BACKOFF).atMost(RETRIES);
    }
}
