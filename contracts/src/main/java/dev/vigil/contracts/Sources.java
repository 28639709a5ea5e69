package dev.vigil.contracts;

/** Alert sources that other services treat apart. */
public final class Sources {
    /** A heartbeat that was not pinged in time: ingest raises its alert, notify words it as such. */
    public static final String HEARTBEAT = "heartbeat";

    private Sources() {
    }
}
