package dev.vigil.runbook.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.vigil.runbook.TimelineEntry;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One entry of an execution's timeline. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "Who did what, when; entries are only ever added")
public record TimelineView(
        @Schema(description = "1, 2, 3... in the order the changes were made") int seq,
        Instant at,
        String actor,
        @Schema(enumeration = {"opened", "step-started", "step-done", "step-skipped", "step-failed",
                "verification-requested", "step-verified", "branched", "approved", "rejected", "isolation", "note",
                "correction", "completed", "abandoned"})
        String action,
        @Schema(description = "The step it is about") Integer step,
        String note,
        @Schema(description = "The seq of the entry a correction corrects") Integer corrects) {

    static TimelineView of(TimelineEntry entry) {
        return new TimelineView(entry.seq(), entry.at(), entry.actor(), entry.action().wireName(), entry.step(),
                entry.note(), entry.corrects());
    }
}
