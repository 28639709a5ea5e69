package dev.vigil.triage.noise;

import dev.vigil.contracts.Alert;
import dev.vigil.triage.AlertKey;
import dev.vigil.triage.AlertState;
import dev.vigil.triage.Changes;
import dev.vigil.triage.Deadline;
import dev.vigil.triage.Incident;
import dev.vigil.triage.IncidentLife;
import dev.vigil.triage.PlannedQuiet;
import dev.vigil.triage.Suppression;
import dev.vigil.triage.SuppressionReason;
import dev.vigil.triage.TenantPolicy;
import dev.vigil.triage.TriageInputs;
import dev.vigil.triage.TriagePolicy;
import dev.vigil.triage.rules.TriageRules;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.UUID;

/**
 * Replays one tenant's recorded alerts through triage's own decisions ({@link TriagePolicy}) in memory, as the
 * consumer and the sweepers applied them: in the order triage applied them, a batch per second of received time, and
 * between batches the wall clock (here the alerts' received times) fires the rechecks and resolve deadlines that fell
 * due. The tenant's rules give the incidents it had; candidate rules, the incidents they would have given.
 */
public final class TriageReplay {
    static final Duration BATCH_SPAN = Duration.ofSeconds(1);
    static final int BATCH_SIZE = 1000;
    /** More clock rounds than this before one instant is reached means the rules never settle: refuse, not hang. */
    private static final int MAX_ROUNDS = 1_000_000;

    private final String tenant;
    private final TriageRules rules;
    private final TenantPolicy policy;
    private final PlannedQuiet quiet;
    private final Duration lateness;

    private final Map<AlertKey, AlertState> states = new HashMap<>();
    private final Map<UUID, Incident> incidents = new LinkedHashMap<>();
    private final Map<UUID, Incident> live = new LinkedHashMap<>();
    private final Map<UUID, Set<String>> members = new HashMap<>();
    private final Map<UUID, Integer> firingMembers = new HashMap<>();
    private final Map<String, AlertState> inhibitors = new HashMap<>();
    private final Map<SuppressionReason, Long> held = new EnumMap<>(SuppressionReason.class);
    private final PriorityQueue<Recheck> rechecks = new PriorityQueue<>(Comparator.comparing(Recheck::at));
    private final PriorityQueue<Deadline> resolves = new PriorityQueue<>(Comparator.comparing(Deadline::dueAt));
    private Instant watermark;

    private record Recheck(Instant at, AlertKey key) {
    }

    private TriageReplay(String tenant, TriageRules rules, TenantPolicy policy, PlannedQuiet quiet,
            Duration lateness) {
        this.tenant = tenant;
        this.rules = rules;
        this.policy = policy;
        this.quiet = quiet;
        this.lateness = lateness;
    }

    /**
     * @param alerts in the order triage applied them
     * @param until  the wall clock runs on to here after the last alert, so that what was pending then is settled
     */
    public static Replayed run(String tenant, TriageRules rules, TenantPolicy policy, PlannedQuiet quiet,
            Duration lateness, List<Alert> alerts, Instant until) {
        TriageReplay replay = new TriageReplay(tenant, rules, policy, quiet, lateness);
        int start = 0;
        while (start < alerts.size()) {
            int end = batchEnd(alerts, start);
            List<Alert> batch = alerts.subList(start, end);
            replay.advanceTo(batch.get(0).receivedAt());
            replay.remember(TriagePolicy.apply(batch, replay.inputs(batch.stream()
                    .map(alert -> new AlertKey(alert.tenant(), alert.fingerprint())).toList())));
            start = end;
        }
        replay.advanceTo(until);
        return replay.result();
    }

    private static int batchEnd(List<Alert> alerts, int start) {
        Instant limit = alerts.get(start).receivedAt().plus(BATCH_SPAN);
        int end = start + 1;
        while (end < alerts.size() && end - start < BATCH_SIZE && alerts.get(end).receivedAt().isBefore(limit)) {
            end++;
        }
        return end;
    }

    /** Fires, in time order, every recheck and resolve deadline due by {@code now}. */
    private void advanceTo(Instant now) {
        for (int round = 0; round < MAX_ROUNDS; round++) {
            Instant next = nextDue();
            if (next == null || next.isAfter(now)) {
                return;
            }
            fireAt(next);
        }
        throw new IllegalStateException("the replay's clock did not settle by " + now);
    }

    private Instant nextDue() {
        while (!rechecks.isEmpty() && !isDue(rechecks.peek())) {
            rechecks.poll();
        }
        Instant recheck = rechecks.isEmpty() ? null : rechecks.peek().at();
        Instant resolve = resolves.isEmpty() ? null : resolves.peek().dueAt();
        if (recheck == null || (resolve != null && resolve.isBefore(recheck))) {
            return resolve;
        }
        return recheck;
    }

    /** Still due as queued: the alert's recheck was not moved or cleared since. */
    private boolean isDue(Recheck recheck) {
        AlertState state = states.get(recheck.key());
        return state != null && recheck.at().equals(state.recheckAt());
    }

    private void fireAt(Instant now) {
        while (!resolves.isEmpty() && !resolves.peek().dueAt().isAfter(now)) {
            Deadline deadline = resolves.poll();
            Incident incident = live.get(deadline.incidentId());
            if (incident != null) {
                remember(IncidentLife.resolveIfStillQuiet(incident, deadline.dueAt(), now));
            }
        }
        Set<AlertKey> due = new LinkedHashSet<>();
        while (!rechecks.isEmpty() && !rechecks.peek().at().isAfter(now)) {
            Recheck recheck = rechecks.poll();
            if (isDue(recheck)) {
                due.add(recheck.key());
            }
        }
        if (!due.isEmpty()) {
            List<AlertState> dueStates = due.stream().map(states::get).toList();
            remember(TriagePolicy.recheck(dueStates, now, inputs(due)));
        }
    }

    /** What the database would give for these alerts: their states, and the tenant's live incidents and inhibitors. */
    private TriageInputs inputs(Iterable<AlertKey> keys) {
        Map<AlertKey, AlertState> batchStates = new HashMap<>();
        for (AlertKey key : keys) {
            AlertState state = states.get(key);
            if (state != null) {
                batchStates.put(key, state);
            }
        }
        Map<UUID, Integer> firing = new HashMap<>();
        live.keySet().forEach(id -> firing.put(id, firingMembers.getOrDefault(id, 0)));
        return new TriageInputs(batchStates, List.copyOf(live.values()), firing,
                Map.of(tenant, List.copyOf(inhibitors.values())), Map.of(tenant, rules), Map.of(tenant, policy),
                quiet, rules, watermark == null ? Map.of() : Map.of(tenant, watermark), lateness);
    }

    private void remember(Changes changes) {
        changes.states().forEach(this::keep);
        for (Incident incident : changes.incidents()) {
            incidents.put(incident.id(), incident);
            if (incident.isLive()) {
                live.put(incident.id(), incident);
            } else {
                live.remove(incident.id());
            }
        }
        changes.deadlines().stream().filter(deadline -> deadline.kind() == Deadline.Kind.RESOLVE)
                .forEach(resolves::add);
        for (Suppression suppression : changes.suppressions()) {
            held.merge(suppression.reason(), 1L, Long::sum);
        }
    }

    private void keep(AlertState state) {
        AlertState before = states.put(state.key(), state);
        if (before != null && before.firing() && before.isMember()) {
            firingMembers.merge(before.incidentId(), -1, Integer::sum);
        }
        if (state.firing() && state.isMember()) {
            firingMembers.merge(state.incidentId(), 1, Integer::sum);
        }
        if (state.isMember()) {
            members.computeIfAbsent(state.incidentId(), id -> new HashSet<>()).add(state.fingerprint());
        }
        if (state.firing() && state.inhibits()) {
            inhibitors.put(state.fingerprint(), state);
        } else {
            inhibitors.remove(state.fingerprint());
        }
        if (watermark == null || state.lastObservedAt().isAfter(watermark)) {
            watermark = state.lastObservedAt();
        }
        if (state.recheckAt() != null) {
            rechecks.add(new Recheck(state.recheckAt(), state.key()));
        }
    }

    private Replayed result() {
        List<ReplayedIncident> replayed = new ArrayList<>(incidents.size());
        for (Incident incident : incidents.values()) {
            Set<String> fingerprints = new HashSet<>(members.getOrDefault(incident.id(), Set.of()));
            fingerprints.add(incident.fingerprint());
            replayed.add(new ReplayedIncident(incident.id(), incident.fingerprint(), incident.resource(),
                    incident.check(), incident.severity(), incident.flapping(), incident.occurrences(),
                    incident.openedAt(), incident.isLive() ? null : incident.resolvedAt(), Set.copyOf(fingerprints)));
        }
        return new Replayed(replayed, Map.copyOf(held));
    }
}
