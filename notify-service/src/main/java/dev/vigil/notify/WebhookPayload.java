package dev.vigil.notify;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.vigil.contracts.Audience;
import dev.vigil.contracts.IncidentEvent;
import dev.vigil.contracts.IncidentStatus;
import dev.vigil.contracts.Json;
import dev.vigil.contracts.Severity;
import dev.vigil.notify.message.Language;
import dev.vigil.notify.message.Message;
import java.time.Instant;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The body an endpoint receives, in the Standard Webhooks shape ({@code type}, {@code timestamp}, {@code data}).
 * What {@code data} holds depends on who reads it: the customer gets the incident and the operator's note for it,
 * never the names of the MSP's people or why something was dismissed; staff get the decision's deadline, escalation
 * and assignee.
 */
public record WebhookPayload(String type, Instant timestamp, Data data) {

    /** The two shapes of {@code data}, by audience. */
    public sealed interface Data permits CustomerData, StaffData {
    }

    /** @param customerNote the operator's words for the customer, given with the confirmation; left out when none */
    public record CustomerData(
            UUID incidentId,
            String tenant,
            IncidentStatus status,
            String resource,
            String check,
            String source,
            Severity severity,
            String summary,
            long occurrences,
            Instant openedAt,
            Instant resolvedAt,
            SortedMap<String, String> labels,
            @JsonInclude(JsonInclude.Include.NON_NULL) String customerNote,
            Language language,
            String subject,
            String message) implements Data {
    }

    /**
     * @param decisionDueAt when it escalates if nobody confirms or dismisses it; null once decided
     * @param escalatedAt   when it was escalated; null if it was not
     * @param assignee      the operator it is assigned to; null if nobody
     */
    public record StaffData(
            UUID incidentId,
            String tenant,
            IncidentStatus status,
            String resource,
            String check,
            String source,
            Severity severity,
            String summary,
            long occurrences,
            Instant openedAt,
            Instant resolvedAt,
            SortedMap<String, String> labels,
            Instant decisionDueAt,
            Instant escalatedAt,
            String assignee,
            Language language,
            String subject,
            String message) implements Data {
    }

    /**
     * The webhook announcing {@code notice} of {@code event} to the notice's audience, with {@code message} written
     * for it in {@code language}: its subject and plain-language body ride along with the incident's fields.
     */
    public static WebhookPayload of(Notice notice, IncidentEvent e, Message message, Language language) {
        // sorted labels: the same event always yields the same bytes, so a retry resends an identical body
        SortedMap<String, String> labels = new TreeMap<>(e.labels());
        Data data = notice.audience() == Audience.CUSTOMER
                ? new CustomerData(e.incidentId(), e.tenant(), e.status(), e.resource(), e.check(), e.source(),
                        e.severity(), e.summary(), e.occurrences(), e.openedAt(), e.resolvedAt(), labels,
                        customerNote(e), language, message.subject(), message.body())
                : new StaffData(e.incidentId(), e.tenant(), e.status(), e.resource(), e.check(), e.source(),
                        e.severity(), e.summary(), e.occurrences(), e.openedAt(), e.resolvedAt(), labels,
                        e.decision().decisionDueAt(), e.decision().escalatedAt(), e.decision().assignee(), language,
                        message.subject(), message.body());
        return new WebhookPayload(notice.type(), timestamp(notice, e), data);
    }

    public String toJson() {
        return Json.write(this);
    }

    /** The operator's note for the customer, or null when none was given. */
    private static String customerNote(IncidentEvent e) {
        String note = e.decision().customerNote();
        return note == null || note.isBlank() ? null : note.strip();
    }

    /** When what the notice tells happened; taken from the event, never the clock, so retries send the same. */
    private static Instant timestamp(Notice notice, IncidentEvent e) {
        Instant at = switch (notice) {
            case CONFIRMED -> e.decision().confirmedAt();
            case PROGRESS -> e.lastSeenAt();
            case RESOLVED -> e.resolvedAt();
            case AWAITING_DECISION -> e.openedAt();
            case ESCALATED -> e.decision().escalatedAt();
        };
        return at != null ? at : e.lastSeenAt();
    }
}
