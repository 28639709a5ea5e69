package dev.vigil.triage;

import dev.vigil.contracts.Alert;
import dev.vigil.contracts.AlertStatus;
import dev.vigil.contracts.EventIds;
import dev.vigil.contracts.IncidentChange;
import dev.vigil.contracts.IncidentStatus;
import dev.vigil.triage.rules.TriageRules;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Decides what alerts do to incidents, in event time (each alert's observed time), so that a night replayed at any
 * speed gives the same incidents.
 * <ul>
 * <li>A firing alert already in a live incident counts in it. Any other is judged ({@link AlertJudge}): held by a
 * silence, a maintenance window, an inhibiting alert, or a threshold not yet reached, and recorded with that
 * reason; or raised. A raised alert joins the live incident of its group opened within the group window, or opens
 * one. A new incident waits for a person's decision, with a deadline per severity from the tenant's policy, unless
 * the policy confirms its severity automatically.</li>
 * <li>When the last firing alert of an incident resolves, the incident is quiet. It ends at once, or, with a resolve
 * delay, when the delay has passed without an alert firing again ({@link Deadline.Kind#RESOLVE}); a flapping one
 * waits out the flap window the same way. A confirmed incident with a runbook execution still running is
 * recovering instead ({@link IncidentLife#settle}).</li>
 * <li>A result older than the alert's last one is late: a firing is counted, nothing else changes.</li>
 * </ul>
 * Occurrence growth is reported once per batch per incident, so a storm of repeats does not become a storm of
 * events. Every id is derived from the alert that caused it, so reapplying a batch yields the same ids. Decision
 * deadlines count from when ingest received the alert: the wall clock, which is what a person's deadline is about.
 */
public final class TriagePolicy {
    static final String INCIDENT_ID_KIND = "incident";
    /** How soon the wall clock looks again at an alert whose window or threshold event time has not yet passed. */
    static final Duration LOOK_LATER = Duration.ofMinutes(1);

    private final TriageInputs inputs;
    private final Changes changes = new Changes();
    private final Map<AlertKey, AlertState> states;
    private final Map<UUID, Incident> incidents = new LinkedHashMap<>();
    private final Map<String, List<UUID>> groups = new HashMap<>();
    private final Map<UUID, Integer> firing;
    private final Map<String, Map<String, AlertState>> inhibitors = new HashMap<>();
    private final Map<UUID, Long> reportedOccurrences = new HashMap<>();
    private final Map<UUID, UUID> lastCause = new HashMap<>();
    private final Map<String, Instant> watermarks;

    private TriagePolicy(TriageInputs inputs) {
        this.inputs = inputs;
        this.states = new HashMap<>(inputs.states());
        this.firing = new HashMap<>(inputs.firingMembers());
        this.watermarks = new HashMap<>(inputs.watermarks());
        inputs.live().forEach(incident -> {
            incidents.put(incident.id(), incident);
            groupOf(incident.tenant(), incident.groupKey()).add(incident.id());
            reportedOccurrences.put(incident.id(), incident.occurrences());
        });
        inputs.inhibitors().forEach((tenant, firingInhibitors) -> firingInhibitors.forEach(
                inhibitor -> inhibitorsOf(tenant).put(inhibitor.fingerprint(), inhibitor)));
    }

    /** @param alerts in the order they were published (per fingerprint, Kafka keeps that order) */
    public static Changes apply(Iterable<Alert> alerts, TriageInputs inputs) {
        TriagePolicy run = new TriagePolicy(inputs);
        alerts.forEach(run::take);
        run.settleQuiet();
        run.reportGrowth();
        return run.changes;
    }

    /**
     * The wall clock looks again at alerts nothing new was heard of ({@link AlertState#recheckAt()} due): one past
     * its timeout resolves itself; one held by a threshold or a window is judged again, at its event time estimated
     * from how long ago it was received, and raised when nothing holds it any more. Nothing is counted twice.
     */
    public static Changes recheck(Iterable<AlertState> due, Instant now, TriageInputs inputs) {
        TriagePolicy run = new TriagePolicy(inputs);
        due.forEach(state -> run.recheck(state, now));
        run.reportGrowth();
        return run.changes;
    }

    private void take(Alert alert) {
        watermarks.merge(alert.tenant(), alert.observedAt(), (a, b) -> a.isAfter(b) ? a : b);
        AlertKey key = new AlertKey(alert.tenant(), alert.fingerprint());
        AlertState before = states.get(key);
        if (before != null && alert.observedAt().isBefore(before.lastObservedAt())) {
            late(before, alert);
            return;
        }
        TriageRules rules = inputs.rulesOf(alert.tenant());
        AlertState observed = AlertState.observe(before, alert, rules);
        keep(observed.firing() ? fired(before, observed, alert, rules) : resolved(before, observed, alert));
    }

    private void recheck(AlertState state, Instant now) {
        if (state.firing() && state.staleAt() != null && !state.staleAt().isAfter(now)) {
            timedOut(state, now);
            return;
        }
        if (!state.firing() || state.isMember()) {
            keep(state.recheckAt(null));
            return;
        }
        Instant at = eventTime(state, now);
        TriageRules rules = inputs.rulesOf(state.tenant());
        Optional<AlertState.Hold> hold = AlertJudge.hold(state, at, now, rules, inputs.quiet(),
                inhibitorsOf(state.tenant()).values());
        if (hold.isPresent()) {
            Instant next = hold.get().recheckAt();
            keep(state.held(hold.get()).recheckAt(next == null || next.isAfter(now) ? next : whenEventTimePasses(next,
                    at, now)));
            return;
        }
        Alert raising = new Alert(EventIds.derived(alertId(state), "raised", state.episodeStartedAt().toString()),
                state.tenant(), state.fingerprint(), state.source(), state.resource(), state.check(),
                state.severity(), AlertStatus.FIRING, state.summary(), state.labels(), Map.of(), at, now);
        Incident group = groupIncident(state, at, rules);
        TenantPolicy policy = inputs.policyOf(state.tenant());
        keep(group != null ? join(group, state, state, raising, state.episodeOccurrences(), policy)
                : open(state, raising, policy));
    }

    /** No news within its timeout: it resolves as if its source had said so. */
    private void timedOut(AlertState state, Instant now) {
        Instant at = eventTime(state, now);
        Alert resolution = new Alert(EventIds.derived(alertId(state), "timed-out", state.staleAt().toString()),
                state.tenant(), state.fingerprint(), state.source(), state.resource(), state.check(),
                state.severity(), AlertStatus.RESOLVED, state.summary(), state.labels(), Map.of(), at, now);
        Incident incident = state.isMember() ? live(state.incidentId()) : null;
        if (incident != null) {
            changes.fact(new TimelineEntry(EventIds.derived(resolution.eventId(), TimelineKind.TIMED_OUT),
                    state.tenant(), incident.id(), at, IncidentLife.TRIAGE, TimelineKind.TIMED_OUT, null, null,
                    state.resource() + " " + state.check() + " sent nothing since " + state.lastReceivedAt()
                            + ": resolved by its timeout"));
        }
        take(resolution);
    }

    /** Where the alert's own clock stands now: its last observed time plus the wall time since it was received. */
    /**
     * The wall clock passed a window's end or a threshold, the alert's event time not yet: it lags the wall clock by
     * how long the alert took to arrive (milliseconds, so a sweep just after a window's end finds the window still
     * holding it), or by much more in a replay. Look again when the event time will have passed it, a minute at most.
     */
    private static Instant whenEventTimePasses(Instant next, Instant at, Instant now) {
        Duration lag = Duration.between(at, next).plusMillis(1);
        return now.plus(lag.compareTo(LOOK_LATER) < 0 ? lag : LOOK_LATER);
    }

    private static Instant eventTime(AlertState state, Instant now) {
        Duration since = Duration.between(state.lastReceivedAt(), now);
        return since.isNegative() ? state.lastObservedAt() : state.lastObservedAt().plus(since);
    }

    private static UUID alertId(AlertState state) {
        return UUID.nameUUIDFromBytes((state.tenant() + '\n' + state.fingerprint()).getBytes(StandardCharsets.UTF_8));
    }

    private void late(AlertState before, Alert alert) {
        if (alert.status() != AlertStatus.FIRING) {
            return;
        }
        keep(before.countedLate());
        Incident incident = before.isMember() ? incidents.get(before.incidentId()) : null;
        if (incident != null && incident.isLive()) {
            save(incident.countedLate(), alert);
        }
    }

    private AlertState fired(AlertState before, AlertState observed, Alert alert, TriageRules rules) {
        TenantPolicy policy = inputs.policyOf(alert.tenant());
        Incident current = before != null && before.isMember() ? live(before.incidentId()) : null;
        if (current != null) {
            return join(current, before, observed, alert, 1, policy);
        }
        Optional<AlertState.Hold> hold = judge(observed, alert, rules);
        if (before != null && before.reason() == SuppressionReason.INHIBITED
                && hold.map(h -> h.reason() != SuppressionReason.INHIBITED).orElse(true)) {
            // what fired because its host was down must fail on its own, a whole pending period, to be raised
            observed = observed.firingAnewAt(alert);
            hold = judge(observed, alert, rules);
        }
        if (hold.isPresent()) {
            AlertState held = observed.held(hold.get());
            changes.suppressed(Suppression.of(held, alert.observedAt()));
            return held;
        }
        Incident group = groupIncident(observed, alert.observedAt(), rules);
        if (group != null) {
            return join(group, before, observed, alert, observed.episodeOccurrences(), policy);
        }
        return open(observed, alert, policy);
    }

    private Optional<AlertState.Hold> judge(AlertState observed, Alert alert, TriageRules rules) {
        return AlertJudge.hold(observed, alert.observedAt(), alert.receivedAt(), rules, inputs.quiet(),
                inhibitorsOf(alert.tenant()).values());
    }

    private AlertState resolved(AlertState before, AlertState observed, Alert alert) {
        if (before == null || !before.firing()) {
            return observed;
        }
        if (before.reason() == SuppressionReason.SILENCE) {
            changes.silencedResolved(observed);
        }
        Incident incident = before.isMember() ? live(before.incidentId()) : null;
        if (incident == null) {
            return observed;
        }
        int stillFiring = firing.merge(incident.id(), -1, Integer::sum);
        Incident updated = flapChange(incident, before, observed, alert);
        if (stillFiring <= 0 && !updated.isQuiet()) {
            updated = quieten(updated, alert);
        }
        save(updated, alert);
        return observed;
    }

    private AlertState join(Incident incident, AlertState before, AlertState observed, Alert alert, long added,
            TenantPolicy policy) {
        boolean member = before != null && before.isMember() && before.incidentId().equals(incident.id());
        int firingNow = firing.getOrDefault(incident.id(), 0) + (before != null && before.keepsOpen(incident.id())
                ? 0 : 1);
        firing.put(incident.id(), firingNow);
        Incident counted = flapChange(incident.counted(alert, added, firingNow == 1), before, observed, alert);
        if (incident.status() == IncidentStatus.RECOVERING) {
            counted = counted.withStatus(IncidentStatus.CONFIRMED);
            changes.fact(new TimelineEntry(EventIds.derived(alert.eventId(), TimelineKind.RELAPSED),
                    incident.tenant(), incident.id(), alert.observedAt(), IncidentLife.TRIAGE, TimelineKind.RELAPSED,
                    IncidentStatus.RECOVERING, IncidentStatus.CONFIRMED, "its alerts fire again"));
        }
        if (!member) {
            changes.fact(new TimelineEntry(EventIds.derived(alert.eventId(), TimelineKind.ALERT_JOINED),
                    incident.tenant(), incident.id(), alert.observedAt(), IncidentLife.TRIAGE,
                    TimelineKind.ALERT_JOINED, null, null, alert.resource() + " " + alert.check() + " ("
                            + alert.severity().wireName() + ") joined: same group, " + incident.groupKey()));
        }
        if (counted.status().isUndecided() && policy.autoConfirms(counted.severity())) {
            // it became severe enough for the policy to confirm it without a person
            changes.save(counted);
            counted = IncidentLife.confirmByPolicy(changes, counted, policy, alert.eventId(), alert.receivedAt());
        }
        save(counted, alert);
        return observed.inIncident(incident.id());
    }

    private AlertState open(AlertState observed, Alert alert, TenantPolicy policy) {
        Incident opened = Incident.openedBy(EventIds.derived(alert.eventId(), INCIDENT_ID_KIND), alert, observed);
        UUID eventId = EventIds.derived(alert.eventId(), IncidentChange.OPENED.eventType());
        Incident result;
        if (policy.autoConfirms(opened.severity())) {
            // the OPENED event already shows it confirmed, so that nobody is asked to decide it; CONFIRMED follows
            Incident confirmed = opened.decided(IncidentStatus.CONFIRMED, opened.decision()
                    .confirmed(IncidentLife.POLICY, alert.receivedAt(), null, policy.reportRecovery()));
            changes.announce(confirmed, eventId, IncidentChange.OPENED, IncidentLife.TRIAGE, null);
            changes.fact(new TimelineEntry(eventId, opened.tenant(), opened.id(), alert.observedAt(),
                    IncidentLife.TRIAGE, IncidentChange.OPENED.wireName(), null, IncidentStatus.OPEN, null));
            result = IncidentLife.confirmByPolicy(changes, opened, policy, alert.eventId(), alert.receivedAt());
        } else {
            Incident awaiting = policy.deadlineFor(opened.severity())
                    .map(deadline -> {
                        Instant due = alert.receivedAt().plus(deadline);
                        changes.deadline(new Deadline(opened.id(), opened.tenant(), Deadline.Kind.DECISION, due));
                        return opened.decided(IncidentStatus.OPEN, opened.decision().dueAt(due));
                    })
                    .orElse(opened);
            result = changes.change(null, awaiting, eventId, IncidentChange.OPENED, IncidentLife.TRIAGE,
                    observed.flapping() ? "its alert flaps" : null, alert.observedAt());
        }
        incidents.put(result.id(), result);
        groupOf(result.tenant(), result.groupKey()).add(result.id());
        reportedOccurrences.put(result.id(), result.occurrences());
        firing.put(result.id(), 1);
        return observed.inIncident(result.id());
    }

    /** Marks the incident flapping when its alert starts to flap, and not when that alert stops. */
    private Incident flapChange(Incident incident, AlertState before, AlertState observed, Alert alert) {
        boolean wasFlapping = before != null && before.flapping();
        if (observed.flapping() == wasFlapping || observed.flapping() == incident.flapping()) {
            return incident;
        }
        String kind = observed.flapping() ? TimelineKind.FLAPPING : TimelineKind.FLAPPING_ENDED;
        changes.fact(new TimelineEntry(EventIds.derived(alert.eventId(), kind), incident.tenant(), incident.id(),
                alert.observedAt(), IncidentLife.TRIAGE, kind, null, null, alert.resource() + " " + alert.check()
                        + (observed.flapping() ? " flaps: the incident stays open through its swings"
                                : " stopped flapping")));
        return incident.flapping(observed.flapping(), alert.severity());
    }

    /**
     * Its last firing alert resolved: it is quiet, and ends once it has stayed quiet for {@link #quietFor}, counted
     * in event time when the tenant's later alerts show that much has passed ({@link #settleQuiet}), or by the wall
     * clock ({@link Deadline.Kind#RESOLVE}) when no more alerts come.
     */
    private Incident quieten(Incident incident, Alert recovery) {
        Incident quiet = incident.recovered(recovery.observedAt());
        Duration wait = quietFor(quiet);
        if (wait.isZero()) {
            changes.save(quiet);
            return IncidentLife.settle(changes, quiet, recovery.eventId(), recovery.observedAt());
        }
        changes.deadline(new Deadline(incident.id(), incident.tenant(), Deadline.Kind.RESOLVE,
                recovery.receivedAt().plus(wait)));
        return quiet;
    }

    /**
     * How long a quiet incident waits before it ends: the tenant's resolve delay; for one nobody confirmed, the
     * bounded lateness too (so that an alert of its group observed before it went quiet, but read later from another
     * partition, still joins it: a replay gives the same incidents at any speed); for a flapping one the flap window.
     * A confirmed incident's customer hears of the recovery without the lateness's delay.
     */
    private Duration quietFor(Incident incident) {
        Duration wait = inputs.policyOf(incident.tenant()).resolveDelay();
        boolean confirmed = incident.status() == IncidentStatus.CONFIRMED
                || incident.status() == IncidentStatus.RECOVERING;
        if (!confirmed && inputs.lateness().compareTo(wait) > 0) {
            wait = inputs.lateness();
        }
        Duration flapWindow = inputs.rulesOf(incident.tenant()).flap().window();
        return incident.flapping() && flapWindow.compareTo(wait) > 0 ? flapWindow : wait;
    }

    /** Ends the quiet incidents whose quiet has lasted long enough by the tenants' event time. */
    private void settleQuiet() {
        for (Incident incident : List.copyOf(incidents.values())) {
            Instant now = watermarks.get(incident.tenant());
            if (!incident.isLive() || !incident.isQuiet() || now == null
                    || incident.status() == IncidentStatus.RECOVERING
                    || firing.getOrDefault(incident.id(), 0) > 0
                    || incident.recoveredAt().plus(quietFor(incident)).isAfter(now)) {
                continue;
            }
            UUID cause = EventIds.derived(incident.id(), "quiet", incident.recoveredAt().toString());
            Incident settled = IncidentLife.settle(changes, incident, cause,
                    incident.recoveredAt().plus(quietFor(incident)));
            incidents.put(settled.id(), settled);
        }
    }

    /** The live incident of the alert's group opened within the group window of {@code at}, if any. */
    private Incident groupIncident(AlertState observed, Instant at, TriageRules rules) {
        Incident best = null;
        for (UUID id : groupOf(observed.tenant(), observed.groupKey())) {
            Incident candidate = live(id);
            if (candidate == null || at.isAfter(candidate.openedAt().plus(rules.groupWindow()))
                    || at.isBefore(candidate.openedAt().minus(rules.groupWindow()))) {
                continue;
            }
            if (best == null || candidate.openedAt().isAfter(best.openedAt())) {
                best = candidate;
            }
        }
        return best;
    }

    private Incident live(UUID id) {
        Incident incident = id == null ? null : incidents.get(id);
        return incident != null && incident.isLive() ? incident : null;
    }

    private void save(Incident incident, Alert cause) {
        changes.save(incident);
        incidents.put(incident.id(), incident);
        lastCause.put(incident.id(), cause.eventId());
    }

    private void keep(AlertState state) {
        states.put(state.key(), state);
        changes.state(state);
        Map<String, AlertState> tenantInhibitors = inhibitorsOf(state.tenant());
        if (state.inhibits() && state.firing()) {
            tenantInhibitors.put(state.fingerprint(), state);
        } else {
            tenantInhibitors.remove(state.fingerprint());
        }
    }

    private void reportGrowth() {
        for (Incident incident : incidents.values()) {
            Long reported = reportedOccurrences.get(incident.id());
            UUID cause = lastCause.get(incident.id());
            if (incident.isLive() && reported != null && cause != null && incident.occurrences() > reported) {
                changes.change(null, incident, EventIds.derived(cause, IncidentChange.UPDATED.eventType()),
                        IncidentChange.UPDATED, IncidentLife.TRIAGE, null, incident.lastSeenAt());
            }
        }
    }

    private List<UUID> groupOf(String tenant, String groupKey) {
        return groups.computeIfAbsent(tenant + '\n' + groupKey, key -> new ArrayList<>());
    }

    private Map<String, AlertState> inhibitorsOf(String tenant) {
        return inhibitors.computeIfAbsent(tenant, key -> new HashMap<>());
    }
}
