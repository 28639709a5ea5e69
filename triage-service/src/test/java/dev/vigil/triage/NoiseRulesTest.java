package dev.vigil.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.contracts.Alert;
import dev.vigil.contracts.AlertStatus;
import dev.vigil.contracts.IncidentChange;
import dev.vigil.contracts.IncidentEvent;
import dev.vigil.contracts.IncidentStatus;
import dev.vigil.contracts.Severity;
import dev.vigil.triage.rules.Matcher;
import dev.vigil.triage.rules.TriageRules;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The noise rules, decided in event time: grouping, thresholds, flaps, inhibition, planned quiet, lateness. */
class NoiseRulesTest {
    private static final Instant T0 = Instant.parse("2026-11-22T01:00:00Z");
    private static final TriageRules AT_ONCE = TriageRules.defaults(Duration.ZERO);

    @Test
    void alertsOfOneResourceWithinTheGroupWindowAreOneIncidentAtTheHighestSeverity() {
        TriageMemory triage = new TriageMemory(AT_ONCE);

        triage.apply(alert("web-01", "http", Severity.MAJOR, 0), alert("web-01", "tls", Severity.MINOR, 20),
                alert("web-01", "disk", Severity.CRITICAL, 40), alert("db-01", "replication", Severity.MAJOR, 50));

        assertEquals(2, triage.incidents.size(), "one per resource");
        Incident web = incidentOf(triage, "web-01");
        assertEquals(Severity.CRITICAL, web.severity());
        assertEquals("disk", web.check(), "the most severe alert names it");
        assertEquals(3, web.occurrences());
        assertEquals("resource=web-01", web.groupKey());
        assertEquals(3, triage.states.values().stream().filter(s -> web.id().equals(s.incidentId())).count());
    }

    @Test
    void anAlertRaisedAfterTheGroupWindowOpensItsOwnIncident() {
        TriageMemory triage = new TriageMemory(AT_ONCE);

        triage.apply(alert("web-01", "cpu", Severity.WARNING, 0));
        triage.apply(alert("web-01", "http", Severity.MAJOR, 3600));

        assertEquals(2, triage.incidents.size(), "a warning firing all night does not swallow a later failure");
    }

    @Test
    void thePendingPeriodHoldsAnAlertUntilItHasFiredLongEnoughAndCountsEveryFiring() {
        TriageMemory triage = new TriageMemory(TriageRules.DEFAULT);

        List<Changes> minutes = new ArrayList<>();
        for (int minute = 0; minute <= 5; minute++) {
            minutes.add(triage.apply(alert("web-01", "http", Severity.MAJOR, minute * 60)));
        }

        for (int minute = 0; minute < 5; minute++) {
            assertTrue(minutes.get(minute).incidents().isEmpty(), "still pending at minute " + minute);
            assertEquals(SuppressionReason.THRESHOLD, minutes.get(minute).suppressions().get(0).reason());
        }
        Incident raised = triage.only();
        assertEquals(T0.plusSeconds(300), raised.openedAt(), "raised when it had fired for 5 minutes");
        assertEquals(6, raised.occurrences(), "the pending firings count in it");
        assertEquals(6, triage.state("acme", "web-01/http").occurrences());
    }

    @Test
    void aBlipThatResolvesWithinThePendingPeriodNeverReachesAnyone() {
        TriageMemory triage = new TriageMemory(TriageRules.DEFAULT);

        Changes blip = triage.apply(alert("web-01", "http", Severity.CRITICAL, 0),
                alert("web-01", "http", Severity.CRITICAL, 60), resolved("web-01", "http", 100));

        assertTrue(blip.incidents().isEmpty());
        assertTrue(blip.events().isEmpty());
        AlertState state = triage.state("acme", "web-01/http");
        assertFalse(state.firing());
        assertEquals(SuppressionReason.THRESHOLD, state.reason(), "what happened to it, and why");
        assertEquals(2, state.occurrences());
    }

    @Test
    void aSourceThatRepeatsItsStartTimeIsRaisedByTheWallClock() {
        TriageMemory triage = new TriageMemory(TriageRules.DEFAULT);
        Instant startsAt = T0;

        triage.apply(alert("web-01", "http", Severity.MAJOR, startsAt, startsAt, AlertStatus.FIRING));
        assertTrue(triage.incidents.isEmpty());
        AlertState pending = triage.state("acme", "web-01/http");
        assertEquals(startsAt.plus(Duration.ofMinutes(5)), pending.recheckAt(), "the wall clock looks again then");

        triage.apply(alert("web-01", "http", Severity.MAJOR, startsAt, startsAt.plusSeconds(300), AlertStatus.FIRING));
        assertEquals(2, triage.only().occurrences(), "Alertmanager re-sends with its startsAt: received 5 min later");
    }

    @Test
    void aSourceThatSendsOnceIsRaisedByTheRecheckWhenItsPendingPeriodHasPassed() {
        TriageMemory triage = new TriageMemory(TriageRules.DEFAULT);
        triage.apply(alert("web-01", "http", Severity.MAJOR, 0));

        assertTrue(triage.recheck(T0.plusSeconds(299)).incidents().isEmpty(), "not due yet");
        Changes raised = triage.recheck(T0.plusSeconds(300));

        assertEquals(List.of(IncidentChange.OPENED), raised.events().stream().map(IncidentEvent::change).toList());
        assertEquals(1, triage.only().occurrences(), "looking again counts nothing");
        assertNull(triage.state("acme", "web-01/http").recheckAt());
        assertTrue(triage.recheck(T0.plusSeconds(900)).events().isEmpty(), "and it is raised once");
    }

    @Test
    void aFiringAlertSilentPastItsTimeoutResolvesItselfAndItsIncident() {
        TriageMemory triage = new TriageMemory(AT_ONCE);
        Instant at = T0;
        triage.apply(new Alert(UUID.randomUUID(), "acme", "app-01/batch", "custom", "app-01", "batch",
                Severity.MAJOR, AlertStatus.FIRING, "nightly batch failed", Map.of(), Map.of("timeout", "15m"), at,
                at));
        assertEquals(at.plus(Duration.ofMinutes(15)), triage.state("acme", "app-01/batch").recheckAt());

        Changes timedOut = triage.recheck(at.plus(Duration.ofMinutes(15)));

        assertEquals(IncidentStatus.RESOLVED, triage.only().status());
        assertFalse(triage.state("acme", "app-01/batch").firing());
        assertTrue(timedOut.timeline().stream().anyMatch(line -> line.kind().equals(TimelineKind.TIMED_OUT)));
    }

    @Test
    void anAlertStillFiringWhenItsWindowEndsIsRaisedByTheRecheck() {
        TriageMemory triage = new TriageMemory(AT_ONCE);
        Instant windowEnd = T0.plusSeconds(1800);
        triage.quiet = (tenant, labels, at) -> at.isBefore(windowEnd)
                ? Optional.of(new AlertState.Hold(SuppressionReason.MAINTENANCE, "w", null, windowEnd))
                : Optional.empty();
        triage.apply(alert("web-01", "http", Severity.MAJOR, 0));

        assertTrue(triage.recheck(windowEnd.minusSeconds(1)).incidents().isEmpty());
        triage.recheck(windowEnd);

        assertEquals(windowEnd, triage.only().openedAt(), "it opens its incident when the window ends");
    }

    @Test
    void aSweepJustAfterTheWindowEndsWhileTheEventTimeLagsLooksAgainAtOnceNotAMinuteLater() {
        TriageMemory triage = new TriageMemory(AT_ONCE);
        Instant windowEnd = T0.plusSeconds(1800);
        triage.quiet = (tenant, labels, at) -> at.isBefore(windowEnd)
                ? Optional.of(new AlertState.Hold(SuppressionReason.MAINTENANCE, "w", null, windowEnd))
                : Optional.empty();
        // observed at T0, received 4 ms later: its event time trails the wall clock by 4 ms
        triage.apply(alert("web-01", "http", Severity.MAJOR, T0, T0.plusMillis(4), AlertStatus.FIRING));

        Instant sweep = windowEnd.plusMillis(2);
        assertTrue(triage.recheck(sweep).incidents().isEmpty(), "at 2 ms past the end, its event time is 2 ms before");
        Instant again = triage.state("acme", "web-01/http").recheckAt();
        assertTrue(again.isAfter(sweep) && !again.isAfter(sweep.plusMillis(5)), "looked at again at " + again);
        triage.recheck(sweep.plusSeconds(1));

        assertEquals(1, triage.incidents.size(), "raised at the next sweep, not a minute later");
    }

    @Test
    void anOccurrenceThresholdRaisesOnTheNthFiringWithinItsWindow() {
        TriageRules threeInTwoMinutes = new TriageRules(1, List.of("resource"), Duration.ofMinutes(5),
                List.of(new TriageRules.Threshold("three", List.of(Matcher.equal("check", "http")), 3,
                        Duration.ofMinutes(2), null)), TriageRules.Flap.DEFAULT, List.of(), List.of());
        TriageMemory triage = new TriageMemory(threeInTwoMinutes);

        triage.apply(alert("web-01", "http", Severity.MAJOR, 0), alert("web-01", "http", Severity.MAJOR, 50));
        assertTrue(triage.incidents.isEmpty());
        triage.apply(alert("web-01", "http", Severity.MAJOR, 100));
        assertEquals(3, triage.only().occurrences());

        triage.apply(alert("db-01", "disk", Severity.MAJOR, 0));
        assertEquals(2, triage.incidents.size(), "a check no threshold matches is raised at once");
    }

    @Test
    void aFlappingAlertIsOneIncidentMarkedFlappingThatStaysOpenThroughItsSwingsUntilTheFlappingEnds() {
        TriageMemory triage = new TriageMemory(AT_ONCE);
        triage.lateness = Duration.ofMinutes(2);
        List<Changes> results = new ArrayList<>();
        for (int swing = 0; swing < 14; swing++) {
            results.add(triage.apply(alert("web-01", "http", Severity.CRITICAL, swing * 120)));
            results.add(triage.apply(resolved("web-01", "http", swing * 120 + 60)));
        }

        assertEquals(1, triage.incidents.size(), "one incident, not a storm: each swing came back within its quiet");
        Incident incident = triage.only();
        assertTrue(incident.flapping(), "marked flapping once 20 results are on record");
        assertTrue(incident.isLive(), "its swings do not resolve it");
        assertEquals(Incident.FLAPPING_SEVERITY, incident.severity());

        // it settles: fires steadily, so flapping ends and it is a real failure again
        for (int minute = 0; minute < 20; minute++) {
            results.add(triage.apply(alert("web-01", "http", Severity.CRITICAL, 28 * 120 + minute * 60)));
        }
        Incident settled = triage.incidents.get(incident.id());
        assertFalse(settled.flapping(), "its end is detected");
        assertEquals(Severity.CRITICAL, settled.severity());
        List<String> kinds = results.stream().flatMap(c -> c.timeline().stream()).map(TimelineEntry::kind).toList();
        assertTrue(kinds.contains(TimelineKind.FLAPPING) && kinds.contains(TimelineKind.FLAPPING_ENDED),
                kinds::toString);
    }

    @Test
    void aFailureThatRecoveredAndCameBackOnceIsNotFlapping() {
        TriageMemory triage = new TriageMemory(AT_ONCE);
        triage.apply(alert("web-01", "http", Severity.CRITICAL, 0), alert("web-01", "http", Severity.CRITICAL, 60),
                alert("web-01", "http", Severity.CRITICAL, 120), resolved("web-01", "http", 180));
        triage.apply(alert("web-01", "http", Severity.CRITICAL, 600));

        assertFalse(triage.state("acme", "web-01/http").flapping());
        assertTrue(triage.incidents.values().stream().noneMatch(Incident::flapping));
    }

    @Test
    void aHostThatIsDownInhibitsItsServicesAndLinksItsIncident() {
        TriageMemory triage = new TriageMemory(AT_ONCE);

        triage.apply(alert("web-01", "host-down", Severity.CRITICAL, 0));
        Changes services = triage.apply(alert("web-01", "http", Severity.CRITICAL, 10),
                alert("web-01", "smtp", Severity.MAJOR, 12), alert("db-01", "http", Severity.MAJOR, 15));

        Incident host = incidentOf(triage, "web-01");
        assertEquals(2, triage.incidents.size(), "web-01 is one incident; db-01's own failure is another");
        AlertState http = triage.state("acme", "web-01/http");
        assertEquals(SuppressionReason.INHIBITED, http.reason());
        assertEquals("web-01/host-down", http.reasonRef());
        assertEquals(host.id(), http.incidentId(), "the inhibiting incident is linked");
        assertEquals(2, services.suppressions().size());

        triage.apply(resolved("web-01", "host-down", 600), alert("web-01", "http", Severity.CRITICAL, 610));
        AlertState stillFailing = triage.state("acme", "web-01/http");
        assertNull(stillFailing.reason(), "once the host is back, a service still failing is raised");
    }

    @Test
    void servicesStillFiringWhenTheirHostComesBackAreOneIncident() {
        TriageMemory triage = new TriageMemory(AT_ONCE);
        triage.apply(alert("web-01", "host-down", Severity.CRITICAL, 0), alert("web-01", "dns", Severity.MAJOR, 10),
                alert("web-01", "vpn", Severity.MAJOR, 10));
        triage.apply(resolved("web-01", "host-down", 60));

        triage.apply(alert("web-01", "dns", Severity.MAJOR, 70));
        triage.apply(alert("web-01", "vpn", Severity.MAJOR, 70));

        assertEquals(2, triage.incidents.size(), "the host's, and one for the services still failing");
    }

    @Test
    void anAlertOfTheGroupReadAfterItsIncidentWentQuietStillJoinsItWithinTheLateness() {
        TriageMemory triage = new TriageMemory(AT_ONCE);
        triage.lateness = Duration.ofMinutes(2);

        // vpn fired and resolved; dns fired before vpn resolved, but its partition is read later
        triage.apply(alert("edge-03", "vpn", Severity.MAJOR, 0), resolved("edge-03", "vpn", 10));
        Incident quiet = triage.only();
        assertTrue(quiet.isLive() && quiet.isQuiet(), "quiet, not resolved, until the lateness has passed");
        triage.apply(alert("edge-03", "dns", Severity.MAJOR, 5), resolved("edge-03", "dns", 10));

        assertEquals(1, triage.incidents.size());
        triage.apply(alert("db-01", "disk", Severity.MINOR, 200));
        Incident ended = triage.incidents.get(quiet.id());
        assertEquals(IncidentStatus.RESOLVED, ended.status(), "the tenant's event time passed its quiet: it ends");
        assertEquals(T0.plusSeconds(10 + 120), ended.resolvedAt());
    }

    @Test
    void servicesThatFiredWhileTheirHostWasDownMustFailAWholePendingPeriodOnTheirOwn() {
        TriageMemory triage = new TriageMemory(TriageRules.DEFAULT);
        for (int minute = 0; minute < 20; minute++) {
            triage.apply(alert("web-01", "host-down", Severity.CRITICAL, minute * 60),
                    alert("web-01", "http", Severity.CRITICAL, minute * 60 + 10));
        }
        triage.apply(resolved("web-01", "host-down", 1200), alert("web-01", "http", Severity.CRITICAL, 1210));
        assertEquals(1, triage.incidents.size(), "http is not raised the moment the host is back");

        triage.apply(resolved("web-01", "http", 1230));
        assertEquals(1, triage.incidents.size(), "it recovered with its host: one incident for the cascade");
        for (int minute = 21; minute <= 27; minute++) {
            triage.apply(alert("web-01", "http", Severity.CRITICAL, minute * 60 + 10));
        }
        assertEquals(2, triage.incidents.size(), "failing on its own for 5 minutes, it is raised");
    }

    @Test
    void aServiceAlertRaisedBeforeItsHostIsDownIsJoinedByTheHost() {
        TriageMemory triage = new TriageMemory(AT_ONCE);

        triage.apply(alert("web-01", "http", Severity.MAJOR, 0));
        triage.apply(alert("web-01", "host-down", Severity.CRITICAL, 20));

        Incident only = triage.only();
        assertEquals("host-down", only.check(), "the host names the incident");
        assertEquals(Severity.CRITICAL, only.severity());
    }

    @Test
    void aMaintenanceWindowHoldsAnAlertWithItsWindowAndWhenToLookAgain() {
        TriageMemory triage = new TriageMemory(AT_ONCE);
        String window = UUID.randomUUID().toString();
        Instant windowEnd = T0.plusSeconds(3600);
        triage.quiet = (tenant, labels, at) -> labels.get("resource").equals("web-01") && at.isBefore(windowEnd)
                ? Optional.of(new AlertState.Hold(SuppressionReason.MAINTENANCE, window, null, windowEnd))
                : Optional.empty();

        Changes inWindow = triage.apply(alert("web-01", "host-down", Severity.CRITICAL, 0));
        assertTrue(inWindow.incidents().isEmpty());
        AlertState held = triage.state("acme", "web-01/host-down");
        assertEquals(SuppressionReason.MAINTENANCE, held.reason());
        assertEquals(window, held.reasonRef());
        assertEquals(windowEnd, held.recheckAt());

        triage.apply(alert("web-01", "host-down", Severity.CRITICAL, 3660));
        assertEquals(1, triage.incidents.size(), "still firing after the window: it opens its incident then");
    }

    @Test
    void aLateFiringIsCountedAndChangesNothingElse() {
        TriageMemory triage = new TriageMemory(AT_ONCE);
        triage.apply(alert("web-01", "http", Severity.MAJOR, 0), resolved("web-01", "http", 120));

        Changes late = triage.apply(alert("web-01", "http", Severity.MAJOR, 60));

        assertTrue(late.events().isEmpty());
        assertEquals(IncidentStatus.RESOLVED, triage.only().status());
        assertEquals(2, triage.state("acme", "web-01/http").occurrences(), "counted once each, even late");
    }

    @Test
    void theSameNightAppliedInOtherBatchesGivesTheSameIncidents() {
        List<Alert> night = new ArrayList<>();
        for (int minute = 0; minute < 30; minute++) {
            night.add(alert("web-01", "host-down", Severity.CRITICAL, minute * 60));
            night.add(alert("web-01", "http", Severity.MAJOR, minute * 60 + 10));
            if (minute % 4 == 0) {
                night.add(alert("app-01", "jvm-heap", Severity.MAJOR, minute * 60 + 5));
            } else if (minute % 4 == 2) {
                night.add(resolved("app-01", "jvm-heap", minute * 60 + 5));
            }
        }
        TriageMemory oneBatch = new TriageMemory(TriageRules.DEFAULT);
        oneBatch.apply(night);
        TriageMemory alertByAlert = new TriageMemory(TriageRules.DEFAULT);
        night.forEach(alertByAlert::apply);

        assertEquals(summary(oneBatch), summary(alertByAlert));
    }

    @Test
    void aStormOfRepeatsIsOneUpdatePerBatch() {
        TriageMemory triage = new TriageMemory(AT_ONCE);
        List<Alert> storm = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            storm.add(alert("web-01", i % 2 == 0 ? "http" : "tls", Severity.MAJOR, i));
        }

        Changes result = triage.apply(storm);

        assertEquals(List.of(IncidentChange.OPENED, IncidentChange.UPDATED),
                result.events().stream().map(IncidentEvent::change).toList());
        assertEquals(50, triage.only().occurrences());
    }

    private static List<String> summary(TriageMemory triage) {
        return triage.incidents.values().stream()
                .map(i -> i.groupKey() + " " + i.openedAt() + " " + i.status() + " " + i.occurrences() + " "
                        + i.flapping())
                .sorted().toList();
    }

    private static Incident incidentOf(TriageMemory triage, String resource) {
        return triage.incidents.values().stream().filter(i -> i.groupKey().equals("resource=" + resource))
                .findFirst().orElseThrow();
    }

    static Alert alert(String resource, String check, Severity severity, int second) {
        Instant at = T0.plusSeconds(second);
        return alert(resource, check, severity, at, at, AlertStatus.FIRING);
    }

    static Alert resolved(String resource, String check, int second) {
        Instant at = T0.plusSeconds(second);
        return alert(resource, check, Severity.MAJOR, at, at, AlertStatus.RESOLVED);
    }

    static Alert alert(String resource, String check, Severity severity, Instant observedAt, Instant receivedAt,
            AlertStatus status) {
        return new Alert(UUID.randomUUID(), "acme", resource + "/" + check, "nagios", resource, check, severity,
                status, check + " on " + resource, Map.of("env", "prod"), Map.of(), observedAt, receivedAt);
    }
}
