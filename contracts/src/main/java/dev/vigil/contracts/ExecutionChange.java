package dev.vigil.contracts;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What happened to a runbook execution; each change has its own CloudEvents type. */
public enum ExecutionChange {
    /** Opened for a confirmed incident, or started by hand. */
    OPENED,
    /** Its procedure is done. */
    COMPLETED,
    /** Given up, with a reason. */
    ABANDONED;

    public String eventType() {
        return "dev.vigil.runbook.execution." + wireName() + ".v1";
    }

    /** No longer running: triage stops waiting for it. */
    public boolean ends() {
        return this != OPENED;
    }

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
