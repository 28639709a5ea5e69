package dev.vigil.notify.message;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.vigil.contracts.IncidentEvent;
import dev.vigil.contracts.Sources;
import dev.vigil.notify.Notice;
import java.util.Arrays;
import java.util.Optional;

/**
 * What a message says, each with a template in every {@link Language}. Several kinds may share a webhook type: a
 * missed heartbeat is confirmed like any incident, but tells the reader something else.
 */
public enum MessageKind {
    /** A real failure: the customer's first word of it. */
    CONFIRMED("confirmed", true),
    /** A confirmed failure that is a system or job no longer reporting in (a heartbeat). */
    HEARTBEAT_MISSED("heartbeat-missed", true),
    /** A confirmed failure's service is back; the agreed recovery procedure is being finished. */
    PROGRESS("progress", true),
    /** It is over. */
    RECOVERED("recovered", true),
    /** For the MSP's operators: a new incident to confirm or dismiss. */
    AWAITING_DECISION("awaiting-decision", false),
    /** For the MSP's supervisors: nobody decided in time. */
    ESCALATED("escalated", false),
    /** For the MSP's staff: an endpoint of the tenant answered 410 Gone and hears nothing more. */
    ENDPOINT_DISABLED("endpoint-disabled", false);

    private final String wireName;
    private final boolean customerFacing;

    MessageKind(String wireName, boolean customerFacing) {
        this.wireName = wireName;
        this.customerFacing = customerFacing;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** Read by the customer, whose own token may change its template; staff kinds only staff change. */
    public boolean customerFacing() {
        return customerFacing;
    }

    public static Optional<MessageKind> fromWire(String value) {
        return Arrays.stream(values()).filter(kind -> kind.wireName.equals(value)).findFirst();
    }

    /** The notice about an incident a message of this kind is sent as; a notice about an endpoint has none. */
    public Notice notice() {
        return switch (this) {
            case CONFIRMED, HEARTBEAT_MISSED -> Notice.CONFIRMED;
            case PROGRESS -> Notice.PROGRESS;
            case RECOVERED -> Notice.RESOLVED;
            case AWAITING_DECISION -> Notice.AWAITING_DECISION;
            case ESCALATED -> Notice.ESCALATED;
            case ENDPOINT_DISABLED -> throw new IllegalStateException("a notice about an endpoint is no incident's");
        };
    }

    /** The kind of message a notice of {@code event} is. */
    public static MessageKind of(Notice notice, IncidentEvent event) {
        return switch (notice) {
            case CONFIRMED -> Sources.HEARTBEAT.equals(event.source()) ? HEARTBEAT_MISSED : CONFIRMED;
            case PROGRESS -> PROGRESS;
            case RESOLVED -> RECOVERED;
            case AWAITING_DECISION -> AWAITING_DECISION;
            case ESCALATED -> ESCALATED;
        };
    }
}
