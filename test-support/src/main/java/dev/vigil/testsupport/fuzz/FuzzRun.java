package dev.vigil.testsupport.fuzz;

import java.util.Random;

/**
 * The seed and the number of tries of a fuzz run. A run draws a fresh seed unless {@code -Dvigil.fuzz.seed=} names
 * one; every failure message carries it, so {@code ./mvnw verify -Dvigil.fuzz.seed=<seed>} replays the same inputs.
 * Each fuzzed endpoint gets its own {@link Random} derived from the seed and its name, so a replay does not depend
 * on which tests ran before.
 */
public final class FuzzRun {
    public static final String SEED_PROPERTY = "vigil.fuzz.seed";
    public static final String TRIES_PROPERTY = "vigil.fuzz.tries";
    /** Sized so the fuzz tests of all four services add about a minute to a build on two cores. */
    private static final int DEFAULT_TRIES = 250;
    private static final long SEED = Long.getLong(SEED_PROPERTY, new Random().nextLong());

    private FuzzRun() {
    }

    public static long seed() {
        return SEED;
    }

    /** Tries per fuzzed endpoint. */
    public static int tries() {
        return Integer.getInteger(TRIES_PROPERTY, DEFAULT_TRIES);
    }

    /** Tries for endpoints whose every try costs a database write; the cheaper ones take {@link #tries()}. */
    public static int tries(double share) {
        return Math.max(1, (int) Math.round(tries() * share));
    }

    /** The randomness of one fuzzed endpoint, the same for the same seed and name. */
    public static Random random(String endpoint) {
        return new Random(SEED * 31 + endpoint.hashCode());
    }

    /** How to replay this run: appended to every failure message. */
    public static String replay() {
        return "replay with -D" + SEED_PROPERTY + "=" + SEED;
    }
}
