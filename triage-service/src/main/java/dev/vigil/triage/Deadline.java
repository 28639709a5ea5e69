package dev.vigil.triage;

import java.time.Instant;
import java.util.UUID;

/**
 * A moment the wall clock must act on an incident, kept as a row so that it survives restarts and fires once
 * whichever triage replica finds it due.
 */
public record Deadline(UUID incidentId, String tenant, Kind kind, Instant dueAt) {

    public enum Kind {
        /** Escalate if still undecided. */
        DECISION,
        /** Resolve if its alerts stayed resolved for the resolve delay. */
        RESOLVE;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Kind fromWire(String value) {
            return valueOf(value.toUpperCase(java.util.Locale.ROOT));
        }
    }
}
