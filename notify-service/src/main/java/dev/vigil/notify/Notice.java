package dev.vigil.notify;

import dev.vigil.contracts.Audience;

/** A webhook notify sends about an incident, and the one audience that hears it ({@link AudiencePolicy}). */
public enum Notice {
    /** A person or the tenant's policy judged it a real failure: the customer's first word of it. */
    CONFIRMED("incident.confirmed", Audience.CUSTOMER),
    /** A confirmed incident's alerts resolved, and its runbook is being finished; the customer hears of recoveries. */
    PROGRESS("incident.progress", Audience.CUSTOMER),
    /** A confirmed incident is over, and the tenant has its customer hear of recoveries. */
    RESOLVED("incident.resolved", Audience.CUSTOMER),
    /** A new incident waits for someone to confirm or dismiss it. */
    AWAITING_DECISION("incident.awaiting-decision", Audience.OPERATORS),
    /** Nobody decided on it by its deadline. */
    ESCALATED("incident.escalated", Audience.SUPERVISORS);

    private final String type;
    private final Audience audience;

    Notice(String type, Audience audience) {
        this.type = type;
        this.audience = audience;
    }

    /** The webhook's {@code type} member, and the delivery's event type. */
    public String type() {
        return type;
    }

    public Audience audience() {
        return audience;
    }
}
