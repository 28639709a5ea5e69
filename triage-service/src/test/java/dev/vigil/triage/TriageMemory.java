package dev.vigil.triage;

import dev.vigil.contracts.Alert;
import dev.vigil.triage.rules.TriageRules;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Runs {@link TriagePolicy} batch after batch the way the consumer does, keeping what the database would: the
 * alerts' states and the incidents. Pure and fast, for the decisions' unit tests.
 */
final class TriageMemory {
    final Map<AlertKey, AlertState> states = new HashMap<>();
    final Map<UUID, Incident> incidents = new HashMap<>();
    final Map<String, TriageRules> rules = new HashMap<>();
    final Map<String, TenantPolicy> policies = new HashMap<>();
    private final TriageRules defaults;
    PlannedQuiet quiet = PlannedQuiet.NONE;
    Duration lateness = Duration.ZERO;

    TriageMemory(TriageRules defaults) {
        this.defaults = defaults;
    }

    /** Every alert raised at once, as the tests of the incident's life expect. */
    static TriageMemory raisingAtOnce() {
        return new TriageMemory(TriageRules.defaults(Duration.ZERO));
    }

    TriageMemory policy(String tenant, TenantPolicy policy) {
        policies.put(tenant, policy);
        return this;
    }

    Changes apply(Alert... alerts) {
        return apply(List.of(alerts));
    }

    Changes apply(List<Alert> alerts) {
        return remember(TriagePolicy.apply(alerts, inputs()));
    }

    /** What the recheck sweeper does at {@code now}: the alerts due then, looked at again. */
    Changes recheck(Instant now) {
        List<AlertState> due = states.values().stream()
                .filter(state -> state.recheckAt() != null && !state.recheckAt().isAfter(now)).toList();
        return remember(TriagePolicy.recheck(due, now, inputs()));
    }

    private TriageInputs inputs() {
        List<Incident> live = incidents.values().stream().filter(Incident::isLive).toList();
        Map<UUID, Integer> firing = new HashMap<>();
        Map<String, List<AlertState>> inhibitors = new HashMap<>();
        Map<String, Instant> watermarks = new HashMap<>();
        for (AlertState state : states.values()) {
            watermarks.merge(state.tenant(), state.lastObservedAt(), (a, b) -> a.isAfter(b) ? a : b);
            if (state.firing() && state.isMember()) {
                firing.merge(state.incidentId(), 1, Integer::sum);
            }
            if (state.firing() && state.inhibits()) {
                inhibitors.computeIfAbsent(state.tenant(), tenant -> new ArrayList<>()).add(state);
            }
        }
        return new TriageInputs(Map.copyOf(states), live, firing, inhibitors, rules, policies, quiet, defaults,
                watermarks, lateness);
    }

    private Changes remember(Changes changes) {
        changes.states().forEach(state -> states.put(state.key(), state));
        changes.incidents().forEach(this::keep);
        return changes;
    }

    /** What an operator, the clock or runbook did to an incident meanwhile. */
    Incident keep(Incident incident) {
        incidents.put(incident.id(), incident);
        return incident;
    }

    Incident only() {
        if (incidents.size() != 1) {
            throw new AssertionError("expected one incident, found " + incidents.size());
        }
        return incidents.values().iterator().next();
    }

    AlertState state(String tenant, String fingerprint) {
        return states.get(new AlertKey(tenant, fingerprint));
    }
}
