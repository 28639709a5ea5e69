package dev.vigil.runbook;

/** A change asked of an execution that is no longer open: it was completed or abandoned already. */
public class ExecutionNotOpenException extends RuntimeException {

    public ExecutionNotOpenException(ExecutionStatus current, ExecutionStatus wanted) {
        super("The execution is " + current.wireName() + "; it cannot be " + wanted.wireName());
    }
}
