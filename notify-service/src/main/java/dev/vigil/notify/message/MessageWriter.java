package dev.vigil.notify.message;

import dev.vigil.contracts.HandoverOverdueEvent;
import dev.vigil.contracts.IncidentEvent;
import dev.vigil.contracts.RecoveryStepEvent;
import dev.vigil.notify.Endpoint;
import dev.vigil.notify.EndpointNotice;
import dev.vigil.notify.HandoverNotice;
import dev.vigil.notify.Notice;
import dev.vigil.notify.RecoveryStepNotice;
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

    /** A message, and the body an endpoint of one format receives with it. */
    public record Written(Message message, String payload) {
    }

    /** The body of {@code notice} of {@code event} for endpoints of {@code format}. */
    public String incident(Notice notice, IncidentEvent event, Format format, TemplateOverrides overrides) {
        return writeIncident(notice, event, format, overrides).payload();
    }

    /** The body telling staff endpoints of {@code format} that {@code endpoint} was disabled. */
    public String endpointDisabled(Endpoint endpoint, Format format, TemplateOverrides overrides) {
        return writeDisabled(endpoint, format, overrides).payload();
    }

    /** The body telling customer endpoints of {@code format} that a recovery step is done. */
    public String recoveryStep(RecoveryStepEvent event, Format format, TemplateOverrides overrides) {
        return writeStep(event, format, overrides).payload();
    }

    /** The body telling supervisors' endpoints of {@code format} of handover items nobody took over. */
    public String handoverOverdue(HandoverOverdueEvent event, Format format, TemplateOverrides overrides) {
        return writeHandover(event, format, overrides).payload();
    }

    /**
     * What {@code text} writes of {@code kind}'s full sample ({@link MessageSamples}), and the body an endpoint of
     * {@code format} would receive.
     */
    public Written preview(MessageKind kind, Format format, TemplateText text) {
        TemplateOverrides override = new TemplateOverrides(
                Map.of(new TemplateOverrides.Key(kind, format.language()), text));
        return switch (kind) {
            case ENDPOINT_DISABLED -> writeDisabled(MessageSamples.endpoint(), format, override);
            case RECOVERY_STEP -> writeStep(MessageSamples.step(), format, override);
            case HANDOVER_OVERDUE -> writeHandover(MessageSamples.handover(), format, override);
            default -> writeIncident(kind.notice().orElseThrow(), MessageSamples.event(kind), format, override);
        };
    }

    private Written writeStep(RecoveryStepEvent event, Format format, TemplateOverrides overrides) {
        MessageKind kind = MessageKind.RECOVERY_STEP;
        Message message = templates.render(kind, format.language(),
                MessageFacts.ofStep(event, format.language(), format.zone()), overrides.get(kind, format.language()));
        return new Written(message, shaped(format, message,
                () -> RecoveryStepNotice.payload(event, message, format.language())));
    }

    private Written writeHandover(HandoverOverdueEvent event, Format format, TemplateOverrides overrides) {
        MessageKind kind = MessageKind.HANDOVER_OVERDUE;
        Message message = templates.render(kind, format.language(),
                MessageFacts.ofHandover(event, format.language(), format.zone()),
                overrides.get(kind, format.language()));
        return new Written(message, shaped(format, message,
                () -> HandoverNotice.payload(event, message, format.language())));
    }

    private Written writeIncident(Notice notice, IncidentEvent event, Format format, TemplateOverrides overrides) {
        MessageKind kind = MessageKind.of(notice, event);
        Message message = templates.render(kind, format.language(),
                MessageFacts.of(event, format.language(), format.zone()), overrides.get(kind, format.language()));
        return new Written(message, shaped(format, message,
                () -> WebhookPayload.of(notice, event, message, format.language()).toJson()));
    }

    private Written writeDisabled(Endpoint endpoint, Format format, TemplateOverrides overrides) {
        MessageKind kind = MessageKind.ENDPOINT_DISABLED;
        Message message = templates.render(kind, format.language(),
                MessageFacts.ofDisabled(endpoint, format.language(), format.zone()),
                overrides.get(kind, format.language()));
        return new Written(message, shaped(format, message,
                () -> EndpointNotice.payload(endpoint, message, format.language())));
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
