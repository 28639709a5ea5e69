package dev.vigil.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TokenBucketTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void aFullBucketLetsTheBurstThroughAtOnceThenTheRate() {
        TokenBucket bucket = new TokenBucket(100, 500, 0);
        assertEquals(0, bucket.take(500, 0));
        assertEquals(SECOND / 100, bucket.take(1, 0), "empty: one alert takes a hundredth of a second");
        assertEquals(0, bucket.take(50, SECOND / 2), "half a second refills 50");
        assertEquals(SECOND, bucket.take(100, SECOND / 2), "100 more need a second");
    }

    @Test
    void aRefusedTakeTakesNothingAndSavingsStopAtTheBurst() {
        TokenBucket bucket = new TokenBucket(10, 20, 0);
        assertEquals(0, bucket.take(15, 0));
        assertEquals(SECOND / 2, bucket.take(10, 0), "5 left, 5 more at 10/s");
        assertEquals(0, bucket.take(5, 0), "the refused take left the 5");
        assertEquals(0, bucket.take(20, 3600 * SECOND), "an hour idle saves up the burst, no more");
        assertEquals(SECOND / 10, bucket.take(1, 3600 * SECOND));
    }
}
