package dev.vigil.runbook.store;

import dev.vigil.platform.paging.PageRequest;
import dev.vigil.platform.security.TenantScope;
import dev.vigil.runbook.ExecutionStatus;
import java.util.Optional;
import java.util.UUID;

/** Which executions to list, newest first: those of the scope's tenants, narrowed by incident and status. */
public record ExecutionQuery(TenantScope scope, Optional<UUID> incidentId, Optional<ExecutionStatus> status,
        PageRequest<UUID> page) {
}
