package dev.vigil.runbook.store;

import dev.vigil.runbook.ExecutionStatus;
import java.util.Optional;
import java.util.UUID;

/** Which of a tenant's executions to list, newest first. */
public record ExecutionQuery(String tenant, Optional<UUID> incidentId, Optional<ExecutionStatus> status, int limit) {
}
