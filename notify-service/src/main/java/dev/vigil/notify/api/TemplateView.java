package dev.vigil.notify.api;

import dev.vigil.notify.message.Language;
import dev.vigil.notify.message.MessageKind;
import dev.vigil.notify.message.StoredTemplate;
import dev.vigil.notify.message.TemplateText;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A message template a tenant's messages are written from: its own, or Vigil's. */
@Schema(description = "A message template: the tenant's own (source tenant) or Vigil's (source vigil)")
public record TemplateView(
        @Schema(description = "The override's id; null for Vigil's template") UUID id,
        String tenant,
        @Schema(enumeration = {"confirmed", "heartbeat-missed", "progress", "recovered", "awaiting-decision",
                "escalated", "recovery-step", "endpoint-disabled", "handover-overdue"}) MessageKind kind,
        Language language,
        @Schema(enumeration = {"tenant", "vigil"}) String source,
        @Schema(description = TemplateRequest.SUBJECT) String subject,
        @Schema(description = TemplateRequest.BODY) String body,
        @Schema(description = "How often the tenant saved it; 0 for Vigil's") int version,
        @Schema(description = "Who saved it last; null for Vigil's") String updatedBy,
        @Schema(description = "When it was saved last; null for Vigil's") Instant updatedAt) {

    static TemplateView of(StoredTemplate stored) {
        return new TemplateView(stored.id(), stored.tenant(), stored.kind(), stored.language(), "tenant",
                stored.text().subject(), stored.text().body(), stored.version(), stored.updatedBy(),
                stored.updatedAt());
    }

    static TemplateView builtIn(String tenant, MessageKind kind, Language language, TemplateText text) {
        return new TemplateView(null, tenant, kind, language, "vigil", text.subject(), text.body(), 0, null, null);
    }
}
