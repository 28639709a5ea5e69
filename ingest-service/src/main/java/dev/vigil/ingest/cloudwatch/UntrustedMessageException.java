package dev.vigil.ingest.cloudwatch;

/**
 * An SNS message ingest will not act on because it cannot be shown to come from SNS just now: its signature does not
 * verify, its version is unknown, it names a host that is not SNS's, or it is too old. Names the message's field.
 */
public class UntrustedMessageException extends RuntimeException {
    private final String field;

    public UntrustedMessageException(String field, String reason) {
        super(field + " " + reason);
        this.field = field;
    }

    public String field() {
        return field;
    }

    /** The reason alone, as the problem's field error says it. */
    public String reason() {
        return getMessage().substring(field.length() + 1);
    }
}
