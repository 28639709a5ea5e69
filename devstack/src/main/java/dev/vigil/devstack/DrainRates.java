package dev.vigil.devstack;

import java.util.List;
import java.util.Optional;

/**
 * How fast a backlog was applied, from samples of the count applied: the average over the whole drain, the rate
 * warm (leaving out the start, while the JVM compiles and caches fill: the first {@link #WARM_UP_SHARE} of the drain
 * or {@link #WARM_UP_LEAST} s, whichever is more) and the best {@link #WINDOW} s.
 *
 * @param seconds  from the first sample to the last
 * @param applied  from the first sample to the last
 * @param warm     empty when less than {@link #WARM_LEAST} s of samples remain after the warm-up
 * @param peak     empty when the drain was shorter than the window
 */
record DrainRates(double seconds, long applied, double average, double warmUpSeconds, Optional<Rate> warm,
        Optional<Rate> peak) {
    static final double WARM_UP_SHARE = 0.2;
    static final double WARM_UP_LEAST = 15;
    static final double WARM_LEAST = 5;
    static final double WINDOW = 10;
    /** samples are taken on whole seconds, give or take milliseconds: a window of 9.9 s counts as 10 s. */
    private static final double JITTER = 0.1;

    /** The count applied at a time, in seconds from any fixed start. */
    record Sample(double seconds, long applied) {
    }

    /** Alerts applied per second between two samples. */
    record Rate(double from, double to, double perSecond) {
        static Rate between(Sample a, Sample b) {
            return new Rate(a.seconds(), b.seconds(), (b.applied() - a.applied()) / (b.seconds() - a.seconds()));
        }
    }

    /** @param samples in time order, the first when the drain began, the last when it ended; at least two */
    static DrainRates of(List<Sample> samples) {
        if (samples.size() < 2) {
            throw new IllegalArgumentException("a drain needs two samples at least");
        }
        Sample first = samples.get(0);
        Sample last = samples.get(samples.size() - 1);
        double seconds = last.seconds() - first.seconds();
        double warmUp = Math.max(WARM_UP_SHARE * seconds, WARM_UP_LEAST);
        Optional<Rate> warm = samples.stream().filter(s -> s.seconds() - first.seconds() >= warmUp).findFirst()
                .filter(s -> last.seconds() - s.seconds() >= WARM_LEAST).map(s -> Rate.between(s, last));
        Optional<Rate> peak = Optional.empty();
        for (int i = 0, j = 0; i < samples.size(); i++) {
            while (j < samples.size() && samples.get(j).seconds() - samples.get(i).seconds() < WINDOW - JITTER) {
                j++;
            }
            if (j == samples.size()) {
                break;
            }
            Rate window = Rate.between(samples.get(i), samples.get(j));
            if (peak.isEmpty() || window.perSecond() > peak.get().perSecond()) {
                peak = Optional.of(window);
            }
        }
        return new DrainRates(seconds, last.applied() - first.applied(),
                (last.applied() - first.applied()) / seconds, warmUp, warm, peak);
    }
}
