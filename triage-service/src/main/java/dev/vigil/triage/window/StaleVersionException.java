package dev.vigil.triage.window;

/** A replacement based on a version that is no longer the current one; the API answers 412 naming both. */
public class StaleVersionException extends RuntimeException {

    public StaleVersionException(int current, String asked) {
        super("The maintenance window is at version \"" + current + "\", not " + asked);
    }
}
