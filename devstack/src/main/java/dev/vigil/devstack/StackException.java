package dev.vigil.devstack;

/** A stack or demo step that did not succeed; the CLI prints the message and exits non-zero. */
public class StackException extends RuntimeException {
    public StackException(String message) {
        super(message);
    }
}
