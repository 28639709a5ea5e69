package dev.vigil.notify.message;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.vigil.contracts.Json;
import java.io.UncheckedIOException;

/**
 * A message as an email: the subject, a plain-text part, and an HTML part with the same content (paragraphs, then
 * the technical details as a table). Stored as the delivery's body, so every attempt sends the same mail.
 */
public record EmailBody(String subject, String text, String html) {

    public static EmailBody of(Message message, Language language) {
        StringBuilder html = new StringBuilder()
                .append("<!DOCTYPE html>\n<html lang=\"").append(language.wireName()).append("\">")
                .append("<head><meta charset=\"utf-8\"><title>").append(escape(message.subject()))
                .append("</title></head>\n<body style=\"font-family: sans-serif; line-height: 1.5; max-width: 40em\">\n")
                .append("<h2>").append(escape(message.subject())).append("</h2>\n");
        for (String paragraph : message.body().split("\\n\\s*\\n")) {
            if (!paragraph.isBlank()) {
                html.append("<p>").append(escape(paragraph.strip()).replace("\n", "<br>")).append("</p>\n");
            }
        }
        if (!message.details().isEmpty()) {
            html.append("<hr>\n<h3 style=\"font-size: 0.9em; color: #555\">").append(escape(message.detailsTitle()))
                    .append("</h3>\n<table style=\"font-size: 0.9em; color: #555\">\n");
            message.details().forEach(detail -> html.append("<tr><th style=\"text-align: left; padding-right: 1em\">")
                    .append(escape(detail.label())).append("</th><td>").append(escape(detail.value()))
                    .append("</td></tr>\n"));
            html.append("</table>\n");
        }
        html.append("</body>\n</html>\n");
        return new EmailBody(message.subject(), message.plainText(), html.toString());
    }

    /** The body a delivery stored; it was written by {@link #toJson}, so it reads. */
    public static EmailBody read(String json) {
        try {
            return Json.read(json, EmailBody.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String toJson() {
        return Json.write(this);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
