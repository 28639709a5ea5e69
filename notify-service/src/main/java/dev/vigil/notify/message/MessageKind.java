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
    /** A step of the recovery procedure the customer follows is done. */
    RECOVERY_STEP("recovery-step", true),
    /** For the MSP's staff: an endpoint of the tenant answered 410 Gone and hears nothing more. */
    ENDPOINT_DISABLED("endpoint-disabled", false),
    /** For the MSP's supervisors: items of a shift handover nobody of the incoming shift took over in time. */
    HANDOVER_OVERDUE("handover-overdue", false);

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

    /**
     * The notice of an incident event a message of this kind is sent as; empty for kinds written from other
     * events (a recovery step, an endpoint, a handover).
     */
    public Optional<Notice> notice() {
        return switch (this) {
            case CONFIRMED, HEARTBEAT_MISSED -> Optional.of(Notice.CONFIRMED);
            case PROGRESS -> Optional.of(Notice.PROGRESS);
            case RECOVERED -> Optional.of(Notice.RESOLVED);
            case AWAITING_DECISION -> Optional.of(Notice.AWAITING_DECISION);
            case ESCALATED -> Optional.of(Notice.ESCALATED);
            case RECOVERY_STEP, ENDPOINT_DISABLED, HANDOVER_OVERDUE -> Optional.empty();
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
