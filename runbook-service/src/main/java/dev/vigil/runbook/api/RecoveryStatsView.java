package dev.vigil.runbook.api;

import dev.vigil.runbook.RecoveryStats;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The recovery metrics of the caller's tenants over the last {@code days} days. */
@Schema(description = "How fast each tenant's incidents were handled, over the incidents opened in the period")
public record RecoveryStatsView(int days, List<RecoveryStats> tenants) {
}
