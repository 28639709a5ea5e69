package dev.vigil.contracts;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What happened to an incident; each change has its own CloudEvents type. */
public enum IncidentChange {
    OPENED(EventTypes.INCIDENT_OPENED),
    UPDATED(EventTypes.INCIDENT_UPDATED),
    RESOLVED(EventTypes.INCIDENT_RESOLVED);

    private final String eventType;

    IncidentChange(String eventType) {
        this.eventType = eventType;
    }

    public String eventType() {
        return eventType;
    }

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
