package dev.vigil.runbook.handover;

/**
 * A handover that cannot be written or acknowledged as asked; the API answers 409 with the message, or 403 when the
 * person is not one who may act.
 */
public class HandoverRefusedException extends RuntimeException {
    private final boolean notAllowed;

    public HandoverRefusedException(String message) {
        this(message, false);
    }

    private HandoverRefusedException(String message, boolean notAllowed) {
        super(message);
        this.notAllowed = notAllowed;
    }

    /** Refused for who the person is, not for where things stand. */
    public static HandoverRefusedException notAllowed(String message) {
        return new HandoverRefusedException(message, true);
    }

    public boolean notAllowed() {
        return notAllowed;
    }
}
