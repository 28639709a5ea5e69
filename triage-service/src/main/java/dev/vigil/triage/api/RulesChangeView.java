package dev.vigil.triage.api;

import dev.vigil.triage.rules.RulesChange;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "One save of a tenant's noise rules: who, when, and the rules before and after it")
public record RulesChangeView(
        String tenant,
        @Schema(description = "The version this save wrote") int version,
        String changedBy,
        Instant changedAt,
        @Schema(description = "The rules it replaced: the previous version's, or the defaults for version 1")
        RulesView.Rules before,
        @Schema(description = "The rules it saved") RulesView.Rules after) {

    static RulesChangeView of(RulesChange change) {
        return new RulesChangeView(change.after().tenant(), change.after().version(), change.after().changedBy(),
                change.after().changedAt(), RulesView.Rules.of(change.before()),
                RulesView.Rules.of(change.after().rules()));
    }
}
