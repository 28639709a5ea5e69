package dev.vigil.triage.api;

import dev.vigil.triage.silence.Silence;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A silence and where it stands")
public record SilenceView(
        UUID id,
        String tenant,
        List<MatcherView> matchers,
        Instant startsAt,
        @Schema(description = "Excluded; null while an until-resolved silence holds") Instant endsAt,
        @Schema(description = "It holds until the alerts it silences resolve") boolean untilResolved,
        @Schema(description = "pending (not begun), active, or expired", enumeration = {"pending", "active",
                "expired"}) String state,
        String comment,
        @Schema(description = "Who created it") String createdBy,
        Instant createdAt,
        @Schema(description = "Who ended it early: a person who expired it, or `triage` when the alerts of an"
                + " until-resolved silence resolved; null when it runs or ran its course") String endedBy) {

    static SilenceView of(Silence silence, Instant now) {
        return new SilenceView(silence.id(), silence.tenant(), MatcherView.of(silence.matchers()), silence.startsAt(),
                silence.endsAt(), silence.untilResolved(), silence.stateAt(now).wireName(), silence.comment(),
                silence.createdBy(), silence.createdAt(), silence.endedBy());
    }
}
