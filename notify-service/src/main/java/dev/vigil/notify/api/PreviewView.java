package dev.vigil.notify.api;

import dev.vigil.notify.Channel;
import dev.vigil.notify.message.Language;
import dev.vigil.notify.message.Message;
import dev.vigil.notify.message.MessageKind;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A template rendered with a realistic sample of its kind, as its reader and its endpoint would get it. */
@Schema(description = "A message written from a sample incident of its kind")
public record PreviewView(
        MessageKind kind,
        Language language,
        Channel channel,
        @Schema(enumeration = {"request", "tenant", "vigil"},
                description = "Whose template wrote it: the request's, the tenant's own or Vigil's") String source,
        String subject,
        @Schema(description = "The plain-language body the template wrote") String body,
        @Schema(description = "The technical details Vigil adds below it") List<Message.Detail> details,
        @Schema(description = "Subject, body and details as plain text (an email's text part)") String text,
        @Schema(description = "Exactly what an endpoint of this channel would receive: the webhook's JSON, the"
                + " Slack blocks' JSON, or the email as JSON (subject, text, html)") String payload) {
}
