package dev.vigil.runbook;

/** A step move the procedure does not allow now; the message says why, for the person who tried it. */
public class StepRefusedException extends RuntimeException {

    public StepRefusedException(String why) {
        super(why);
    }
}
