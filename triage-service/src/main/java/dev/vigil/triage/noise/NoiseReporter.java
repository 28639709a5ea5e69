package dev.vigil.triage.noise;

import dev.vigil.contracts.Alert;
import dev.vigil.contracts.AlertStatus;
import dev.vigil.triage.Incident;
import dev.vigil.triage.PlannedQuiet;
import dev.vigil.triage.RuleSuggestion;
import dev.vigil.triage.SuppressionReason;
import dev.vigil.triage.TenantPolicy;
import dev.vigil.triage.config.TriageConfig;
import dev.vigil.triage.rules.DefaultRules;
import dev.vigil.triage.rules.TriageRules;
import dev.vigil.triage.silence.SilenceRule;
import dev.vigil.triage.store.AlertLogStore;
import dev.vigil.triage.store.IncidentStore;
import dev.vigil.triage.store.NoiseStatsStore;
import dev.vigil.triage.store.PlannedQuietStore;
import dev.vigil.triage.store.PolicyStore;
import dev.vigil.triage.store.RulesStore;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Builds a tenant's {@link NoiseReport}: the tallies from what triage stored, and the suggested rules from replaying
 * the period's alerts ({@link TriageReplay}) with the rules in force and with each candidate ({@link RuleCandidates}).
 * An incident counts as real when a person or the tenant's policy confirmed it; a suggestion says which real ones it
 * would have hidden or delayed. The replays run on a worker thread, never on the event loop.
 */
@ApplicationScoped
public class NoiseReporter {
    /** The most alerts a report replays: beyond it, the report asks for fewer days. */
    public static final long MOST_REPLAYED = 500_000;
    static final int LISTED = 10;

    private final Pool pool;
    private final AlertLogStore log;
    private final IncidentStore incidents;
    private final NoiseStatsStore stats;
    private final RulesStore rules;
    private final PolicyStore policies;
    private final PlannedQuietStore quiet;
    private final DefaultRules defaults;
    private final TriageConfig config;

    public NoiseReporter(Pool pool, AlertLogStore log, IncidentStore incidents, NoiseStatsStore stats,
            RulesStore rules, PolicyStore policies, PlannedQuietStore quiet, DefaultRules defaults,
            TriageConfig config) {
        this.pool = pool;
        this.log = log;
        this.incidents = incidents;
        this.stats = stats;
        this.rules = rules;
        this.policies = policies;
        this.quiet = quiet;
        this.defaults = defaults;
        this.config = config;
    }

    /** Thrown when the period holds more alerts than a report replays. */
    public static final class TooMuchHistory extends RuntimeException {
        private final long alerts;

        TooMuchHistory(long alerts) {
            super(alerts + " alerts");
            this.alerts = alerts;
        }

        public long alerts() {
            return alerts;
        }
    }

    /** What the report is made of, as it is read. */
    private static final class Material {
        TriageRules rules;
        TenantPolicy policy;
        List<SilenceRule> silences;
        PlannedQuiet quiet;
        List<Alert> alerts;
        Map<String, AlertTally> tallies;
        List<String> noisiest;
        /** Where the period's alerts begin in event time: incidents and held stretches are stored in it. */
        Instant eventSince;
        List<Incident> stored;
        Map<SuppressionReason, Long> held;
        List<NoiseStatsStore.Flaps> flaps;
        List<RuleSuggestion> requested;
    }

    /** @param days how far back from {@code now}, at most the history kept ({@code vigil.triage.history.keep}) */
    public Uni<NoiseReport> report(String tenant, int days, Instant now) {
        Instant since = now.minus(Duration.ofDays(days));
        Set<String> tenants = Set.of(tenant);
        Material m = new Material();
        return log.count(tenant, since)
                .invoke(count -> {
                    if (count > MOST_REPLAYED) {
                        throw new TooMuchHistory(count);
                    }
                })
                .chain(() -> rules.current(pool, tenants))
                .invoke(found -> m.rules = found.getOrDefault(tenant, defaults.rules()))
                .chain(() -> policies.current(pool, tenants))
                .invoke(found -> m.policy = found.getOrDefault(tenant, TenantPolicy.DEFAULT))
                .chain(() -> log.since(tenant, since)).invoke(found -> {
                    m.alerts = found;
                    m.tallies = tallies(found);
                    m.noisiest = noisiestFingerprints(m.tallies);
                    // the database keeps microseconds: the earliest alert's own incident must not fall before it
                    m.eventSince = found.stream().map(Alert::observedAt).min(Instant::compareTo).orElse(since)
                            .truncatedTo(ChronoUnit.MILLIS);
                })
                .chain(() -> quiet.silences(pool, tenants, m.eventSince)).invoke(found -> m.silences = found)
                .chain(() -> quiet.windows(pool, tenants)).invoke(found -> m.quiet = PlannedQuiet.of(m.silences, found))
                .chain(() -> incidents.openedSince(tenant, m.eventSince)).invoke(found -> m.stored = found)
                .chain(() -> stats.heldByReason(tenant, m.eventSince)).invoke(found -> m.held = found)
                .chain(() -> stats.flaps(tenant, m.eventSince, LISTED)).invoke(found -> m.flaps = found)
                .chain(() -> stats.requests(tenant, since)).invoke(found -> m.requested = found)
                .chain(() -> stats.heldOf(tenant, m.eventSince, m.noisiest))
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(heldOfNoisiest -> build(tenant, days, since, now, m, heldOfNoisiest));
    }

    private NoiseReport build(String tenant, int days, Instant since, Instant now, Material m,
            Map<String, Long> heldOfNoisiest) {
        List<Incident> opened = m.stored.stream().filter(incident -> !incident.openedAt().isBefore(m.eventSince))
                .toList();
        Replayed baseline = replay(tenant, m, m.rules, now);
        Set<UUID> real = real(baseline, m.stored);
        Set<String> requestedChecks = requestedChecks(m);
        List<RuleTrial> suggestions = RuleCandidates.of(baseline, real, m.rules, requestedChecks).stream()
                .map(candidate -> RuleTrial.of(candidate, baseline,
                        replay(tenant, m, candidate.appliedTo(m.rules), now), real))
                .filter(RuleTrial::helps)
                .sorted(RuleTrial::bySafetyThenGain)
                .toList();
        long reproduced = opened.stream().filter(stored -> baseline.incidents().stream().anyMatch(replayed ->
                replayed.sameFailureAs(stored.fingerprint(), stored.openedAt(), stored.resolvedAt()))).count();
        long firing = m.alerts.stream().filter(alert -> alert.status() == AlertStatus.FIRING).count();
        return new NoiseReport(tenant, days, since, now, m.alerts.size(), firing, m.held,
                noisiest(m, opened, heldOfNoisiest), flaps(m, opened), tally(opened),
                m.requested, suggestions,
                new NoiseReport.ReplayCheck(m.alerts.size(), baseline.incidents().size(), opened.size(), reproduced));
    }

    private Replayed replay(String tenant, Material m, TriageRules tried, Instant now) {
        return TriageReplay.run(tenant, tried, m.policy, m.quiet, config.rules().lateness(), m.alerts, now);
    }

    /** The replayed incidents that stand for one a person or the policy confirmed. */
    private static Set<UUID> real(Replayed baseline, List<Incident> stored) {
        Set<UUID> real = new HashSet<>();
        for (Incident incident : stored) {
            if (!incident.decision().wasConfirmed()) {
                continue;
            }
            baseline.incidents().stream().filter(replayed -> replayed.sameFailureAs(incident.fingerprint(),
                    incident.openedAt(), incident.resolvedAt())).forEach(replayed -> real.add(replayed.id()));
        }
        return real;
    }

    private static Set<String> requestedChecks(Material m) {
        Set<String> fingerprints = m.requested.stream().map(RuleSuggestion::fingerprint).collect(Collectors.toSet());
        Set<String> checks = new HashSet<>();
        m.alerts.stream().filter(alert -> fingerprints.contains(alert.fingerprint()))
                .forEach(alert -> checks.add(alert.check()));
        return checks;
    }

    /** One alert's firings and resolutions in the period, and the last thing it said. */
    private static final class AlertTally {
        long firings;
        long resolutions;
        Alert last;
    }

    /** Every alert's tally, in one pass over the period's alerts. */
    private static Map<String, AlertTally> tallies(List<Alert> alerts) {
        Map<String, AlertTally> tallies = new HashMap<>();
        for (Alert alert : alerts) {
            AlertTally tally = tallies.computeIfAbsent(alert.fingerprint(), fingerprint -> new AlertTally());
            if (alert.status() == AlertStatus.FIRING) {
                tally.firings++;
            } else {
                tally.resolutions++;
            }
            tally.last = alert;
        }
        return tallies;
    }

    /** The alerts that fired most, the most first. */
    private static List<String> noisiestFingerprints(Map<String, AlertTally> tallies) {
        return tallies.entrySet().stream().filter(entry -> entry.getValue().firings > 0)
                .sorted(Comparator.comparing((Map.Entry<String, AlertTally> entry) -> -entry.getValue().firings)
                        .thenComparing(Map.Entry::getKey))
                .limit(LISTED).map(Map.Entry::getKey).toList();
    }

    private static List<NoiseReport.Noisy> noisiest(Material m, List<Incident> opened, Map<String, Long> held) {
        List<NoiseReport.Noisy> noisiest = new ArrayList<>();
        for (String fingerprint : m.noisiest) {
            AlertTally tally = m.tallies.get(fingerprint);
            long incidentsOpened = opened.stream().filter(incident -> incident.fingerprint().equals(fingerprint))
                    .count();
            noisiest.add(new NoiseReport.Noisy(fingerprint, tally.last.resource(), tally.last.check(), tally.firings,
                    tally.resolutions, incidentsOpened, held.getOrDefault(fingerprint, 0L)));
        }
        return noisiest;
    }

    private static List<NoiseReport.Flapping> flaps(Material m, List<Incident> opened) {
        List<NoiseReport.Flapping> listed = new ArrayList<>();
        for (NoiseStatsStore.Flaps flap : m.flaps) {
            AlertTally tally = m.tallies.get(flap.fingerprint());
            Alert alert = tally == null ? null : tally.last;
            long flappingIncidents = opened.stream().filter(incident -> incident.flapping()
                    && incident.fingerprint().equals(flap.fingerprint())).count();
            listed.add(new NoiseReport.Flapping(flap.fingerprint(), alert == null ? null : alert.resource(),
                    alert == null ? null : alert.check(), flap.stretches(), flap.alerts(), flappingIncidents));
        }
        return listed;
    }

    private static NoiseReport.IncidentTally tally(List<Incident> opened) {
        List<Long> alerts = opened.stream().map(Incident::occurrences).sorted(Comparator.naturalOrder()).toList();
        long confirmed = opened.stream().filter(incident -> incident.decision().wasConfirmed()).count();
        long dismissed = opened.stream().filter(incident -> incident.decision().dismissedAt() != null).count();
        long flapping = opened.stream().filter(Incident::flapping).count();
        double mean = alerts.stream().mapToLong(Long::longValue).average().orElse(0);
        return new NoiseReport.IncidentTally(opened.size(), confirmed, dismissed, flapping,
                Math.round(mean * 10) / 10.0, percentile(alerts, 0.5), percentile(alerts, 0.9),
                alerts.isEmpty() ? 0 : alerts.get(alerts.size() - 1));
    }

    private static long percentile(List<Long> sorted, double share) {
        return sorted.isEmpty() ? 0 : sorted.get((int) Math.ceil(sorted.size() * share) - 1);
    }
}
