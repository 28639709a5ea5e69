package dev.vigil.triage.noise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.contracts.Alert;
import dev.vigil.contracts.AlertStatus;
import dev.vigil.contracts.Severity;
import dev.vigil.triage.PlannedQuiet;
import dev.vigil.triage.SuppressionReason;
import dev.vigil.triage.TenantPolicy;
import dev.vigil.triage.rules.TriageRules;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The replay behind the noise report: the same decisions as the consumer and sweepers, and fair trials of rules. */
class NoiseReplayTest {
    private static final String TENANT = "acme";
    private static final Instant T0 = Instant.parse("2026-11-20T01:00:00Z");
    private static final TriageRules AT_ONCE = TriageRules.defaults(Duration.ZERO);

    @Test
    void aSourceThatSendsOnceIsRaisedByTheReplaysClockWhenItsPendingPeriodPasses() {
        List<Alert> alerts = List.of(alert("web-01", "http", AlertStatus.FIRING, T0),
                alert("web-02", "disk", AlertStatus.FIRING, T0.plusSeconds(10)),
                alert("web-02", "disk", AlertStatus.RESOLVED, T0.plusSeconds(130)));

        Replayed replayed = replay(TriageRules.DEFAULT, alerts, T0.plus(Duration.ofHours(1)));

        assertEquals(1, replayed.incidents().size(), "the blip is held, the failure is raised");
        ReplayedIncident raised = replayed.incidents().get(0);
        assertEquals("http", raised.check());
        assertEquals(T0.plus(Duration.ofMinutes(5)), raised.openedAt(), "raised when its 5 min pending period passed");
        assertEquals(2L, replayed.held().get(SuppressionReason.THRESHOLD), "both firings were held first");
    }

    @Test
    void replayingTheSameAlertsTwiceGivesTheSameIncidentsWhateverTheBatching() {
        List<Alert> night = new ArrayList<>();
        for (int blip = 0; blip < 5; blip++) {
            Instant at = T0.plus(Duration.ofMinutes(10L * blip));
            night.add(alert("db-01", "disk", AlertStatus.FIRING, at));
            night.add(alert("db-01", "disk", AlertStatus.RESOLVED, at.plusSeconds(90)));
            night.add(alert("db-02", "replication", AlertStatus.FIRING, at.plusSeconds(5)));
        }
        Replayed once = replay(AT_ONCE, night, T0.plus(Duration.ofHours(2)));
        Replayed again = replay(AT_ONCE, night, T0.plus(Duration.ofHours(2)));

        assertEquals(ids(once), ids(again));
        assertEquals(6, once.incidents().size(), "five blips and one sustained failure");
    }

    @Test
    void aPendingPeriodForABlippingCheckRemovesItsIncidentsAndHidesNothingReal() {
        List<Alert> night = new ArrayList<>();
        for (int blip = 0; blip < 4; blip++) {
            Instant at = T0.plus(Duration.ofMinutes(20L * blip));
            night.add(alert("db-01", "disk", AlertStatus.FIRING, at));
            night.add(alert("db-01", "disk", AlertStatus.RESOLVED, at.plusSeconds(150)));
        }
        night.add(alert("app-01", "http", AlertStatus.FIRING, T0.plusSeconds(30)));
        for (int minute = 1; minute <= 30; minute++) {
            night.add(alert("app-01", "http", AlertStatus.FIRING, T0.plusSeconds(30 + 60L * minute)));
        }
        night.add(alert("app-01", "http", AlertStatus.RESOLVED, T0.plusSeconds(30 + 60L * 31)));
        night.sort((a, b) -> a.receivedAt().compareTo(b.receivedAt()));
        Instant until = T0.plus(Duration.ofHours(3));
        Replayed baseline = replay(AT_ONCE, night, until);
        Set<UUID> real = baseline.incidents().stream().filter(incident -> incident.check().equals("http"))
                .map(ReplayedIncident::id).collect(Collectors.toSet());

        List<RuleCandidate> candidates = RuleCandidates.of(baseline, real, AT_ONCE, Set.of());

        assertEquals(1, candidates.size());
        TriageRules.Threshold rule = candidates.get(0).threshold();
        assertEquals(Duration.ofMinutes(5), rule.firingFor(), "the first round period longer than the blips");
        assertEquals("check", rule.matchers().get(0).label());
        assertEquals("disk", rule.matchers().get(0).value());
        RuleTrial trial = RuleTrial.of(candidates.get(0), baseline,
                replay(candidates.get(0).appliedTo(AT_ONCE), night, until), real);
        assertEquals(4, trial.removed().size());
        assertTrue(trial.hiddenReal().isEmpty());
        assertTrue(trial.delayedReal().isEmpty());
        assertEquals(4, trial.heldMore(), "each blip's firing is held instead");
    }

    @Test
    void aTrialSaysWhichRealIncidentsARuleWouldHideOrDelay() {
        List<Alert> night = new ArrayList<>();
        night.add(alert("db-01", "disk", AlertStatus.FIRING, T0));
        night.add(alert("db-01", "disk", AlertStatus.RESOLVED, T0.plusSeconds(120)));
        night.add(alert("db-02", "disk", AlertStatus.FIRING, T0.plusSeconds(600)));
        night.add(alert("db-02", "disk", AlertStatus.FIRING, T0.plusSeconds(1800)));
        night.add(alert("db-02", "disk", AlertStatus.RESOLVED, T0.plusSeconds(3600)));
        Instant until = T0.plus(Duration.ofHours(2));
        Replayed baseline = replay(AT_ONCE, night, until);
        Set<UUID> everyIncident = baseline.incidents().stream().map(ReplayedIncident::id).collect(Collectors.toSet());
        RuleCandidate tenMinutes = new RuleCandidate(new TriageRules.Threshold("pending-disk",
                List.of(dev.vigil.triage.rules.Matcher.equal("check", "disk")), null, null, Duration.ofMinutes(10)),
                "test");

        RuleTrial trial = RuleTrial.of(tenMinutes, baseline, replay(tenMinutes.appliedTo(AT_ONCE), night, until),
                everyIncident);

        assertEquals(List.of("db-01"), trial.hiddenReal().stream().map(ReplayedIncident::resource).toList());
        assertEquals(1, trial.delayedReal().size());
        assertEquals("db-02", trial.delayedReal().get(0).incident().resource());
        assertEquals(Duration.ofMinutes(10), trial.delayedReal().get(0).by());
        assertTrue(trial.removed().isEmpty(), "nothing it removes was noise");
    }

    private static Replayed replay(TriageRules rules, List<Alert> alerts, Instant until) {
        return TriageReplay.run(TENANT, rules, TenantPolicy.DEFAULT, PlannedQuiet.NONE, Duration.ZERO, alerts, until);
    }

    private static Set<UUID> ids(Replayed replayed) {
        return replayed.incidents().stream().map(ReplayedIncident::id).collect(Collectors.toSet());
    }

    private static Alert alert(String resource, String check, AlertStatus status, Instant at) {
        return new Alert(UUID.nameUUIDFromBytes((resource + check + status + at).getBytes()), TENANT,
                TENANT + "-" + resource + "-" + check, "nagios", resource, check, Severity.MAJOR, status,
                check + " on " + resource, Map.of(), Map.of(), at, at);
    }
}
