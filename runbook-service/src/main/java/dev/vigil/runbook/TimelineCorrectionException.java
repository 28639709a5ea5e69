package dev.vigil.runbook;

/** A correction naming an entry the timeline does not have. */
public class TimelineCorrectionException extends RuntimeException {

    public TimelineCorrectionException(int corrects, int length) {
        super("must name an entry of the timeline, 1 to " + length + "; there is no entry " + corrects);
    }
}
