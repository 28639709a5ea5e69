package dev.vigil.notify.message;

import dev.vigil.contracts.IncidentEvent;
import dev.vigil.notify.Endpoint;
import dev.vigil.notify.EndpointNotice;
import dev.vigil.notify.Notice;
import dev.vigil.notify.WebhookPayload;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Writes the body a delivery sends: the message for its kind, in the endpoint's language and time zone, from the
 * tenant's template or Vigil's, shaped for the endpoint's channel.
 */
public class MessageWriter {
    private final MessageTemplates templates;

    public MessageWriter(MessageTemplates templates) {
        this.templates = templates;
    }

    public MessageTemplates templates() {
        return templates;
    }

    /** The body of {@code notice} of {@code event} for endpoints of {@code format}. */
    public String incident(Notice notice, IncidentEvent event, Format format, TemplateOverrides overrides) {
        MessageKind kind = MessageKind.of(notice, event);
        Message message = templates.render(kind, format.language(),
                MessageFacts.of(event, format.language(), format.zone()), overrides.get(kind, format.language()));
        return shaped(format, message, () -> WebhookPayload.of(notice, event, message, format.language()).toJson());
    }

    /** The body telling staff endpoints of {@code format} that {@code endpoint} was disabled. */
    public String endpointDisabled(Endpoint endpoint, Format format, TemplateOverrides overrides) {
        MessageKind kind = MessageKind.ENDPOINT_DISABLED;
        Message message = templates.render(kind, format.language(),
                MessageFacts.ofDisabled(endpoint, format.language(), format.zone()),
                overrides.get(kind, format.language()));
        return shaped(format, message, () -> EndpointNotice.payload(endpoint, message, format.language()));
    }

    /** What {@code text} (the tenant's or Vigil's template) writes for a sample of {@code kind}, and in what body. */
    public record Preview(Message message, String payload) {
    }

    /**
     * The message {@code text} writes of {@code kind}'s full sample ({@link MessageSamples}), and the body an
     * endpoint of {@code format} would receive.
     */
    public Preview preview(MessageKind kind, Format format, TemplateText text) {
        TemplateOverrides override = new TemplateOverrides(
                Map.of(new TemplateOverrides.Key(kind, format.language()), text));
        if (kind == MessageKind.ENDPOINT_DISABLED) {
            Endpoint sample = MessageSamples.endpoint();
            Message message = templates.render(kind, format.language(),
                    MessageFacts.ofDisabled(sample, format.language(), format.zone()), text);
            return new Preview(message, endpointDisabled(sample, format, override));
        }
        IncidentEvent sample = MessageSamples.event(kind);
        Message message = templates.render(kind, format.language(),
                MessageFacts.of(sample, format.language(), format.zone()), text);
        return new Preview(message, incident(kind.notice(), sample, format, override));
    }

    /** {@code message} in the shape of {@code format}'s channel; a webhook's JSON comes from {@code webhook}. */
    public static String shaped(Format format, Message message, Supplier<String> webhook) {
        return switch (format.channel()) {
            case WEBHOOK -> webhook.get();
            case SLACK -> SlackBody.of(message);
            case EMAIL -> EmailBody.of(message, format.language()).toJson();
        };
    }
}
