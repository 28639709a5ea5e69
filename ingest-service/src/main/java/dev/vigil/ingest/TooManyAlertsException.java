package dev.vigil.ingest;

/** A request holding more alerts than one request may; refused whole, like any other bad request. */
public class TooManyAlertsException extends RuntimeException {
    private final int limit;
    private final int count;

    public TooManyAlertsException(int limit, int count) {
        super("At most " + limit + " alerts per request, got " + count);
        this.limit = limit;
        this.count = count;
    }

    public int limit() {
        return limit;
    }

    public int count() {
        return count;
    }
}
