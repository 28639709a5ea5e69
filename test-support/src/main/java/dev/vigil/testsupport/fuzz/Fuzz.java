package dev.vigil.testsupport.fuzz;

import java.util.Random;

/** Runs the tries of one fuzzed endpoint and names the endpoint, the try and the seed in any failure. */
public final class Fuzz {
    private Fuzz() {
    }

    @FunctionalInterface
    public interface Try {
        void run(Random random) throws Exception;
    }

    public static void run(String endpoint, int tries, Try attempt) {
        Random random = FuzzRun.random(endpoint);
        for (int i = 1; i <= tries; i++) {
            try {
                attempt.run(random);
            } catch (AssertionError | Exception e) {
                throw new AssertionError("fuzzing " + endpoint + ", try " + i + " of " + tries + " ("
                        + FuzzRun.replay() + "): " + e.getMessage(), e);
            }
        }
    }
}
