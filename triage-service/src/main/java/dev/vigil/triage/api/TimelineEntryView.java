package dev.vigil.triage.api;

import dev.vigil.triage.TimelineEntry;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "One line of an incident's append-only timeline")
public record TimelineEntryView(
        UUID id,
        Instant at,
        @Schema(description = "A person's name, `policy`, `triage` (alerts and the clock), `runbook` or `notify`")
        String actor,
        @Schema(description = "opened, acknowledged, assigned, commented, confirmed, dismissed, escalated,"
                + " recovering, resolved, relapsed, customer-contacted, customer-contact-failed, execution-opened,"
                + " execution-completed, execution-abandoned") String kind,
        @Schema(description = "The status before, when this line changed it") String from,
        @Schema(description = "The status after, when this line changed it") String to,
        String note) {

    static TimelineEntryView of(TimelineEntry entry) {
        return new TimelineEntryView(entry.id(), entry.at(), entry.actor(), entry.kind(),
                entry.from() == null ? null : entry.from().wireName(),
                entry.to() == null ? null : entry.to().wireName(), entry.note());
    }
}
