package dev.vigil.notify.message;

import java.util.List;

/**
 * A message as its reader gets it, before a channel shapes it: a one-line subject, the plain-language body the
 * template wrote, and the technical details below it.
 *
 * @param detailsTitle the heading of the details, in the message's language
 */
public record Message(String subject, String body, String detailsTitle, List<Detail> details) {

    /** One technical fact: a label and its value. */
    public record Detail(String label, String value) {
    }

    /** Subject, body and details as plain text, for a reader without formatting (email's text part, a pager). */
    public String plainText() {
        StringBuilder text = new StringBuilder(subject).append("\n\n").append(body);
        if (!details.isEmpty()) {
            text.append("\n\n-- ").append(detailsTitle).append(" --\n");
            details.forEach(detail -> text.append(detail.label()).append(": ").append(detail.value()).append('\n'));
        }
        return text.toString().stripTrailing();
    }
}
