package dev.vigil.runbook;

/** A step number the execution does not have. */
public class UnknownStepException extends RuntimeException {

    public UnknownStepException(int position, int stepCount) {
        super("The execution has no step " + position + "; its steps are 1 to " + stepCount);
    }
}
