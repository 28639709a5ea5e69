package dev.vigil.runbook.api;

import dev.vigil.runbook.handover.Handover;
import dev.vigil.runbook.handover.HandoverItem;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "What one shift handed to the next, item by item, and who took each item over")
public record HandoverView(
        UUID id,
        @Schema(description = "The shift that handed over") String shift,
        @Schema(description = "The shift on duty when it ended; null when none is defined for that time")
        String nextShift,
        @Schema(description = "Who may acknowledge besides supervisors; empty: any staff member but the writer")
        List<String> nextShiftMembers,
        String writtenBy,
        Instant writtenAt,
        @Schema(description = "Items not acknowledged by then are escalated to the tenant's supervisors")
        Instant acknowledgeBy,
        @Schema(description = "The items of the tenants the caller may see, in reading order") List<ItemView> items) {

    @Schema(description = "One piece of open work")
    public record ItemView(
            @Schema(description = "Its number in the handover, from 1") int number,
            String tenant,
            @Schema(enumeration = {"incident", "verification", "execution", "silence", "window", "note"})
            String kind,
            @Schema(description = "The incident, execution, silence or maintenance window; null for a note")
            UUID subjectId,
            @Schema(description = "The step waiting for a second person, for a verification") Integer step,
            String title,
            @Schema(description = "What is left to do") String detail,
            @Schema(description = "When a silence or window stops holding alerts back") Instant endsAt,
            String acknowledgedBy,
            Instant acknowledgedAt,
            @Schema(description = "What they said when they took it over") String acknowledgeNote,
            @Schema(description = "When the tenant's supervisors were told nobody had acknowledged it")
            Instant escalatedAt) {

        static ItemView of(HandoverItem item) {
            return new ItemView(item.number(), item.tenant(), item.kind().wireName(), item.subjectId(), item.step(),
                    item.title(), item.detail(), item.endsAt(), item.acknowledgedBy(), item.acknowledgedAt(),
                    item.acknowledgeNote(), item.escalatedAt());
        }
    }

    static HandoverView of(Handover handover) {
        return new HandoverView(handover.id(), handover.shift(), handover.nextShift(), handover.nextMembers(),
                handover.writtenBy(), handover.writtenAt(), handover.acknowledgeBy(),
                handover.items().stream().map(ItemView::of).toList());
    }
}
