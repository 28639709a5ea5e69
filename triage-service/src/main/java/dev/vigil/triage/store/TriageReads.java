package dev.vigil.triage.store;

import dev.vigil.triage.AlertKey;
import dev.vigil.triage.AlertState;
import dev.vigil.triage.GroupRef;
import dev.vigil.triage.Incident;
import dev.vigil.triage.PlannedQuiet;
import dev.vigil.triage.TriageInputs;
import dev.vigil.triage.config.TriageConfig;
import dev.vigil.triage.silence.SilenceRule;
import dev.vigil.triage.rules.DefaultRules;
import dev.vigil.triage.rules.TriageRules;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Everything triage reads before it judges alerts, in the caller's transaction: the tenants' rules, then a lock on
 * every group the alerts belong to ({@link GroupLocks}), then the alerts' states, the live incidents they or their
 * groups may join and the tenants' quiet ones that may end (locked), their firing alerts, the tenants' inhibitors,
 * event time ({@link EventTimes}), policies, silences and windows.
 */
@ApplicationScoped
public class TriageReads {
    private final DefaultRules defaults;
    private final GroupLocks locks;
    private final AlertStateStore states;
    private final IncidentStore incidents;
    private final PolicyStore policies;
    private final RulesStore rules;
    private final PlannedQuietStore quiet;
    private final TriageConfig config;
    private final EventTimes eventTimes;

    public TriageReads(DefaultRules defaults, GroupLocks locks, AlertStateStore states, IncidentStore incidents,
            PolicyStore policies, RulesStore rules, PlannedQuietStore quiet, TriageConfig config,
            EventTimes eventTimes) {
        this.eventTimes = eventTimes;
        this.rules = rules;
        this.quiet = quiet;
        this.config = config;
        this.defaults = defaults;
        this.locks = locks;
        this.states = states;
        this.incidents = incidents;
        this.policies = policies;
    }

    /**
     * @param groupsOf the groups the alerts belong to, given each tenant's rules
     * @param latest   per tenant, the latest observed time among the alerts in hand: quiet incidents up to it may end
     */
    public Uni<TriageInputs> read(SqlConnection connection, Set<AlertKey> keys,
            Function<Function<String, TriageRules>, Set<GroupRef>> groupsOf, Map<String, Instant> latest) {
        Set<String> tenants = keys.stream().map(AlertKey::tenant).collect(Collectors.toSet());
        Reading reading = new Reading();
        Instant since = latest.values().stream().min(Instant::compareTo).orElse(Instant.EPOCH);
        return rules.current(connection, tenants).invoke(found -> reading.rules = found)
                .map(found -> groupsOf.apply(tenant -> found.getOrDefault(tenant, defaults.rules())))
                .invoke(groups -> reading.groups = groups)
                .chain(groups -> locks.lock(connection, groups))
                .chain(() -> states.find(connection, keys)).invoke(found -> reading.states = found)
                .chain(() -> incidents.findLiveForUpdate(connection, reading.states.values().stream()
                        .filter(AlertState::isMember).map(AlertState::incidentId).collect(Collectors.toSet()),
                        reading.groups))
                .invoke(reading::addLive)
                .chain(() -> incidents.findQuietForUpdate(connection, latest)).invoke(reading::addLive)
                .chain(() -> states.firingMembers(connection, reading.live.keySet())).invoke(found -> reading.firing = found)
                .chain(() -> states.inhibitors(connection, tenants)).invoke(found -> reading.inhibitors = found)
                .chain(() -> eventTimes.of(connection, tenants)).invoke(found -> reading.watermarks = found)
                .chain(() -> quiet.silences(connection, tenants, since)).invoke(found -> reading.silences = found)
                .chain(() -> quiet.windows(connection, tenants))
                .invoke(found -> reading.quiet = PlannedQuiet.of(reading.silences, found))
                .chain(() -> policies.current(connection, tenants))
                .map(byTenant -> new TriageInputs(reading.states, List.copyOf(reading.live.values()), reading.firing,
                        reading.inhibitors, reading.rules, byTenant, reading.quiet, defaults.rules(),
                        reading.watermarks, config.rules().lateness()));
    }

    /** What has been read so far. */
    private static final class Reading {
        Map<String, TriageRules> rules;
        Set<GroupRef> groups;
        Map<AlertKey, AlertState> states;
        List<SilenceRule> silences;
        PlannedQuiet quiet;
        final Map<UUID, Incident> live = new LinkedHashMap<>();
        Map<UUID, Integer> firing;
        Map<String, List<AlertState>> inhibitors;
        Map<String, Instant> watermarks;

        void addLive(List<Incident> found) {
            found.forEach(incident -> live.put(incident.id(), incident));
        }
    }
}
