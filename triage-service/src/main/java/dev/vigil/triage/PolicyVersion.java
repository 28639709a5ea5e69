package dev.vigil.triage;

import java.time.Instant;

/** One saved version of a tenant's policy: what it said, who saved it, when. */
public record PolicyVersion(String tenant, TenantPolicy policy, String changedBy, Instant changedAt) {
}
