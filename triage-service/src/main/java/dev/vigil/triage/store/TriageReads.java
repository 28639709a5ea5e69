package dev.vigil.triage.store;

import dev.vigil.triage.AlertKey;
import dev.vigil.triage.AlertState;
import dev.vigil.triage.GroupRef;
import dev.vigil.triage.Incident;
import dev.vigil.triage.PlannedQuiet;
import dev.vigil.triage.TriageInputs;
import dev.vigil.triage.rules.DefaultRules;
import dev.vigil.triage.rules.TriageRules;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Everything triage reads before it judges alerts, in the caller's transaction: the tenants' rules, then a lock on
 * every group the alerts belong to ({@link GroupLocks}), then the alerts' states, the live incidents they or their
 * groups may join (locked), their firing alerts, the tenants' inhibitors, policies, silences and windows.
 */
@ApplicationScoped
public class TriageReads {
    private final DefaultRules defaults;
    private final GroupLocks locks;
    private final AlertStateStore states;
    private final IncidentStore incidents;
    private final PolicyStore policies;

    public TriageReads(DefaultRules defaults, GroupLocks locks, AlertStateStore states, IncidentStore incidents,
            PolicyStore policies) {
        this.defaults = defaults;
        this.locks = locks;
        this.states = states;
        this.incidents = incidents;
        this.policies = policies;
    }

    /**
     * @param groupsOf the groups the alerts belong to, given each tenant's rules
     * @param since    the earliest observed time among the alerts: silences ended before it do not matter
     */
    public Uni<TriageInputs> read(SqlConnection connection, Set<AlertKey> keys,
            Function<Function<String, TriageRules>, Set<GroupRef>> groupsOf, Instant since) {
        Set<String> tenants = keys.stream().map(AlertKey::tenant).collect(Collectors.toSet());
        Map<String, TriageRules> rules = Map.of();
        Set<GroupRef> groups = groupsOf.apply(tenant -> rules.getOrDefault(tenant, defaults.rules()));
        return locks.lock(connection, groups)
                .chain(() -> states.find(connection, keys))
                .chain(known -> incidents.findLiveForUpdate(connection, known.values().stream()
                                .filter(AlertState::isMember).map(AlertState::incidentId).collect(Collectors.toSet()),
                                groups)
                        .chain(live -> states.firingMembers(connection, live.stream().map(Incident::id).toList())
                                .chain(firing -> states.inhibitors(connection, tenants)
                                        .chain(inhibitors -> policies.current(connection, tenants)
                                                .map(byTenant -> new TriageInputs(known, live, firing, inhibitors,
                                                        rules, byTenant, PlannedQuiet.NONE, defaults.rules()))))));
    }
}
