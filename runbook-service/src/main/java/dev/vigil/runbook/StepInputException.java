package dev.vigil.runbook;

/** A step move whose input does not fit the step, such as a decision's answer: answered 400 naming the field. */
public class StepInputException extends RuntimeException {
    private final String field;

    public StepInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
