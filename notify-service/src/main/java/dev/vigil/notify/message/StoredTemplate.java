package dev.vigil.notify.message;

import java.time.Instant;
import java.util.UUID;

/** A tenant's own template of one kind in one language, as stored; {@code version} counts its saves. */
public record StoredTemplate(UUID id, String tenant, MessageKind kind, Language language, TemplateText text,
        int version, Instant createdAt, String updatedBy, Instant updatedAt) {
}
