package dev.vigil.triage.window;

import java.time.Instant;
import java.util.Objects;

/** One stretch of time a maintenance window is in force: from {@code start} (included) to {@code end} (excluded). */
public record Occurrence(Instant start, Instant end) {

    public Occurrence {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("an occurrence ends after it starts: " + start + " to " + end);
        }
    }

    public boolean covers(Instant t) {
        return !t.isBefore(start) && t.isBefore(end);
    }
}
