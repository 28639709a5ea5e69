package dev.vigil.runbook.api;

import dev.vigil.runbook.Shift;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A shift, and whether it is on duty as the answer is written. */
@Schema(description = "A shift of the MSP")
public record ShiftView(
        UUID id,
        String name,
        String timeZone,
        @Schema(description = "HH:mm") String starts,
        @Schema(description = "HH:mm; before starts for a shift past midnight") String ends,
        List<String> members,
        @Schema(description = "Whether its members are on duty now") boolean onDuty,
        Instant createdAt,
        String updatedBy,
        Instant updatedAt) {

    static ShiftView of(Shift shift, Instant now) {
        return new ShiftView(shift.id(), shift.name(), shift.zone().getId(), shift.starts().toString(),
                shift.ends().toString(), shift.members(), shift.onDutyAt(now), shift.createdAt(), shift.updatedBy(),
                shift.updatedAt());
    }
}
