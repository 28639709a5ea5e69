package dev.vigil.contracts;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** What happened to an incident; each change has its own CloudEvents type. */
public enum IncidentChange {
    /** Its first alert arrived. */
    OPENED,
    /** More alerts arrived (occurrences, severity or summary changed), or its alerts fired again after resolving. */
    UPDATED,
    /** An operator claimed it. */
    ACKNOWLEDGED,
    /** Someone assigned it to an operator. */
    ASSIGNED,
    /** Someone commented on it. */
    COMMENTED,
    /** A person or the tenant's policy judged it a real failure: the customer is contacted. */
    CONFIRMED,
    /** A person judged it noise: nothing reaches the customer. */
    DISMISSED,
    /** It was still undecided at its decision deadline: the supervisors are told. */
    ESCALATED,
    /** Its alerts are resolved, but a runbook execution for it still runs. */
    RECOVERING,
    /** It is over. */
    RESOLVED;

    /** Every CloudEvents type an {@link IncidentEvent} is published under. */
    public static final Set<String> EVENT_TYPES = Arrays.stream(values()).map(IncidentChange::eventType)
            .collect(Collectors.toUnmodifiableSet());

    public String eventType() {
        return "dev.vigil.incident." + wireName() + ".v1";
    }

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
