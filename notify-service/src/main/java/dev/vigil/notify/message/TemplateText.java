package dev.vigil.notify.message;

/** A message template's source: Qute text for the subject line and for the body. */
public record TemplateText(String subject, String body) {
}
