package dev.vigil.triage.api;

import dev.vigil.contracts.Severity;
import dev.vigil.triage.PolicyVersion;
import dev.vigil.triage.TenantPolicy;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A version of a tenant's decision policy")
public record PolicyView(
        String tenant,
        @Schema(description = "0 while the tenant runs on the defaults; each save adds one") int version,
        List<String> autoConfirm,
        Map<String, String> decisionDeadlines,
        String resolveDelay,
        boolean reportRecovery,
        @Schema(description = "Who saved this version; null for the defaults") String changedBy,
        Instant changedAt) {

    static PolicyView of(PolicyVersion saved) {
        return of(saved.tenant(), saved.policy(), saved.changedBy(), saved.changedAt());
    }

    static PolicyView defaults(String tenant) {
        return of(tenant, TenantPolicy.DEFAULT, null, null);
    }

    private static PolicyView of(String tenant, TenantPolicy policy, String changedBy, Instant changedAt) {
        Map<String, String> deadlines = new TreeMap<>();
        policy.decisionDeadlines().forEach((severity, d) -> deadlines.put(severity.wireName(), d.toString()));
        return new PolicyView(tenant, policy.version(), policy.autoConfirm().stream().sorted()
                .map(Severity::wireName).toList(), deadlines, policy.resolveDelay().toString(),
                policy.reportRecovery(), changedBy, changedAt);
    }
}
