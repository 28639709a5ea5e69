package dev.vigil.ingest.heartbeat;

import java.util.Locale;

/** Where a heartbeat stands; derived from its times, never stored on its own. */
public enum HeartbeatState {
    /** created by staff and never pinged: nothing is expected of it yet, so it is never missed. */
    NEW,
    /** pinged, and the next ping is not overdue (or the evaluator has not yet seen that it is). */
    OK,
    /** a due time passed without a ping: a firing alert was published; the next ping resolves it. */
    MISSED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
