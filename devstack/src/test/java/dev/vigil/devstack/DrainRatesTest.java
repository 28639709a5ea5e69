package dev.vigil.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.devstack.DrainRates.Sample;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToLongFunction;
import org.junit.jupiter.api.Test;

/** The rates bench-triage prints from its samples: the warm-up left out, the best 10 s found. */
class DrainRatesTest {

    @Test
    void aShortDrainLeavesOutItsFirstFifteenSeconds() {
        // 1,000/s for 15 s while warming up, then 5,000/s for 25 s
        DrainRates rates = DrainRates.of(samples(40, s -> s <= 15 ? 1000L * s : 15_000 + 5000L * (s - 15)));

        assertEquals(15, rates.warmUpSeconds());
        assertEquals(5000, rates.warm().orElseThrow().perSecond(), 0.001);
        assertEquals(15, rates.warm().orElseThrow().from());
        assertEquals(140_000 / 40.0, rates.average(), 0.001);
    }

    @Test
    void aLongDrainLeavesOutItsFirstFifth() {
        DrainRates rates = DrainRates.of(samples(100, s -> 1000L * s));

        assertEquals(20, rates.warmUpSeconds(), 0.001);
        assertEquals(20, rates.warm().orElseThrow().from());
    }

    @Test
    void thePeakIsTheBestTenSeconds() {
        // 1,000/s, except 3,000/s from 20 s to 30 s
        DrainRates rates = DrainRates.of(samples(60, s -> 1000L * s + 2000L * Math.max(0, Math.min(s, 30) - 20)));

        assertEquals(3000, rates.peak().orElseThrow().perSecond(), 0.001);
        assertEquals(20, rates.peak().orElseThrow().from());
    }

    @Test
    void aDrainTooShortHasNoWarmRateAndNoPeak() {
        DrainRates rates = DrainRates.of(samples(8, s -> 1000L * s));

        assertTrue(rates.warm().isEmpty());
        assertTrue(rates.peak().isEmpty());
        assertEquals(1000, rates.average(), 0.001);
    }

    /** A sample every second from 0 to {@code seconds}, applied as {@code applied} says. */
    private static List<Sample> samples(int seconds, IntToLongFunction applied) {
        List<Sample> samples = new ArrayList<>();
        for (int s = 0; s <= seconds; s++) {
            samples.add(new Sample(s, applied.applyAsLong(s)));
        }
        return samples;
    }
}
