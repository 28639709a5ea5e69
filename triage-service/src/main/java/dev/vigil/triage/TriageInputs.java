package dev.vigil.triage;

import dev.vigil.triage.rules.TriageRules;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What triage reads before it judges a batch: the alerts' states, the live incidents they or their groups may join,
 * how many alerts keep each of those firing, the tenants' firing inhibitors, rules, policies, silences and windows.
 *
 * @param states        by alert; an alert never seen is absent
 * @param live          the live incidents the alerts are in or their groups may join, locked for the transaction
 * @param firingMembers per live incident, its firing alerts
 * @param inhibitors    per tenant, its firing alerts that match an inhibition's source matchers
 * @param rules         per tenant that saved rules; the others get {@code defaults}
 * @param policies      per tenant that saved a policy; the others get {@link TenantPolicy#DEFAULT}
 * @param watermarks    per tenant, the latest observed time of its alerts so far: its event time
 * @param lateness      how much later than its observed time an alert may still be read: a quiet incident ends no
 *                      sooner than this after its last alert resolved
 */
public record TriageInputs(
        Map<AlertKey, AlertState> states,
        Collection<Incident> live,
        Map<UUID, Integer> firingMembers,
        Map<String, List<AlertState>> inhibitors,
        Map<String, TriageRules> rules,
        Map<String, TenantPolicy> policies,
        PlannedQuiet quiet,
        TriageRules defaults,
        Map<String, Instant> watermarks,
        Duration lateness) {

    public TriageRules rulesOf(String tenant) {
        return rules.getOrDefault(tenant, defaults);
    }

    public TenantPolicy policyOf(String tenant) {
        return policies.getOrDefault(tenant, TenantPolicy.DEFAULT);
    }
}
