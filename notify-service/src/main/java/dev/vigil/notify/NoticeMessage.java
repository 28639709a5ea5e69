package dev.vigil.notify;

import dev.vigil.contracts.IncidentEvent;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The plain English sentence a webhook's {@code message} carries, for people who read it as it comes (a chat
 * channel, a pager). Written from the event alone, so the same event always reads the same.
 */
final class NoticeMessage {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private NoticeMessage() {
    }

    static String of(Notice notice, IncidentEvent event) {
        return switch (notice) {
            case CONFIRMED -> confirmed(event);
            case RESOLVED -> subject(event) + ": the " + check(event) + " check has recovered.";
            case AWAITING_DECISION -> awaitingDecision(event);
            case ESCALATED -> escalated(event);
        };
    }

    /** The operator's note for the customer, if any, follows the fixed words. */
    private static String confirmed(IncidentEvent e) {
        String severity = e.severity() == null ? "" : " (" + e.severity().wireName() + ")";
        String note = WebhookPayload.customerNote(e);
        return subject(e) + ": the " + check(e) + " check is failing" + severity + ". We are looking into it."
                + (note == null ? "" : " " + note);
    }

    private static String awaitingDecision(IncidentEvent e) {
        String summary = e.summary() == null || e.summary().isBlank() ? "" : ": " + e.summary().strip();
        Instant due = e.decision().decisionDueAt();
        return "New " + severityWord(e) + "incident on " + where(e) + summary + ". Confirm or dismiss it"
                + (due == null ? "" : " by " + CLOCK.format(due)) + ".";
    }

    private static String escalated(IncidentEvent e) {
        Instant due = e.decision().decisionDueAt();
        return "Nobody has decided on the " + severityWord(e) + "incident on " + where(e)
                + (e.openedAt() == null ? "" : ", open since " + CLOCK.format(e.openedAt()))
                + (due == null ? "" : "; its decision deadline passed at " + CLOCK.format(due)) + ".";
    }

    private static String subject(IncidentEvent e) {
        return e.resource() == null || e.resource().isBlank() ? "A monitored system" : e.resource();
    }

    private static String check(IncidentEvent e) {
        return e.check() == null || e.check().isBlank() ? "health" : e.check();
    }

    /** "shop-web-01 (http)", as staff name a failing check. */
    private static String where(IncidentEvent e) {
        String resource = e.resource() == null || e.resource().isBlank() ? "an unnamed resource" : e.resource();
        return resource + (e.check() == null || e.check().isBlank() ? "" : " (" + e.check() + ")");
    }

    private static String severityWord(IncidentEvent e) {
        return e.severity() == null ? "" : e.severity().wireName() + " ";
    }
}
