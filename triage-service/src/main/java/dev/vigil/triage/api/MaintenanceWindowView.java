package dev.vigil.triage.api;

import dev.vigil.triage.window.MaintenanceWindow;
import dev.vigil.triage.window.Occurrence;
import dev.vigil.triage.window.WindowDefinition;
import dev.vigil.triage.window.WindowSchedule;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A maintenance window, whether it is in force now, and when it is next")
public record MaintenanceWindowView(
        UUID id,
        String tenant,
        String name,
        @Schema(description = "Empty: every alert of the tenant") List<MatcherView> matchers,
        String timeZone,
        String comment,
        @Schema(description = "A one-off window's start; null for a recurring one") Instant startsAt,
        @Schema(description = "A one-off window's end; null for a recurring one") Instant endsAt,
        @Schema(description = "A recurring window's weekly times; null for a one-off") RecurrenceView recurrence,
        @Schema(description = "0 when created, one more with every replacement; the ETag") int version,
        @Schema(description = "Whether it is in force now") boolean activeNow,
        @Schema(description = "When the occurrence in force now ends; null when none is") Instant activeUntil,
        @Schema(description = "When the next occurrence (after now) starts; null when there is none") Instant nextStart,
        @Schema(description = "When the next occurrence ends") Instant nextEnd,
        String createdBy,
        Instant createdAt,
        @Schema(description = "Who last replaced it; null if nobody has") String updatedBy,
        Instant updatedAt) {

    @Schema(description = "Every week on these days, from start to end on the wall clock of the window's timeZone")
    public record RecurrenceView(
            @Schema(examples = "[\"SUNDAY\"]") List<String> days,
            @Schema(examples = "02:00") String start,
            @Schema(examples = "04:00") String end,
            Instant from,
            Instant until) {
    }

    static MaintenanceWindowView of(MaintenanceWindow window, Instant now) {
        Optional<Occurrence> current = window.schedule().occurrenceAt(now);
        Optional<Occurrence> next = window.schedule().next(now);
        Instant startsAt = null;
        Instant endsAt = null;
        RecurrenceView recurrence = null;
        if (window.schedule() instanceof WindowSchedule.Once once) {
            startsAt = once.occurrence().start();
            endsAt = once.occurrence().end();
        } else if (window.schedule() instanceof WindowSchedule.Weekly weekly) {
            recurrence = new RecurrenceView(EnumSet.copyOf(weekly.days()).stream().map(DayOfWeek::name).toList(),
                    weekly.start().toString(), weekly.end().toString(), weekly.from(), weekly.until());
        }
        WindowDefinition definition = window.definition();
        return new MaintenanceWindowView(window.id(), window.tenant(), definition.name(),
                MatcherView.of(definition.matchers()), definition.zone().getId(), definition.comment(), startsAt,
                endsAt, recurrence, window.version(), current.isPresent(), current.map(Occurrence::end).orElse(null),
                next.map(Occurrence::start).orElse(null), next.map(Occurrence::end).orElse(null),
                window.createdBy(), window.createdAt(), window.updatedBy(), window.updatedAt());
    }
}
