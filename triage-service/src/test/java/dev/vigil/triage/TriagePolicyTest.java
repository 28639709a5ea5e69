package dev.vigil.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.contracts.Alert;
import dev.vigil.contracts.AlertStatus;
import dev.vigil.contracts.IncidentChange;
import dev.vigil.contracts.IncidentEvent;
import dev.vigil.contracts.IncidentStatus;
import dev.vigil.contracts.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TriagePolicyTest {
    static final Instant T0 = Instant.parse("2026-11-25T03:00:00Z");
    private static final TenantPolicy CRITICAL_AUTOMATIC = new TenantPolicy(3, Set.of(Severity.CRITICAL),
            Map.of(Severity.MAJOR, Duration.ofMinutes(15)), Duration.ZERO, true);
    private static final TenantPolicy FIVE_MINUTES_QUIET = new TenantPolicy(4, Set.of(),
            Map.of(Severity.CRITICAL, Duration.ofMinutes(10)), Duration.ofMinutes(5), true);

    @Test
    void repeatsOfOneFingerprintAreOneIncidentWithACount() {
        Changes result = apply(List.of(firing("web", 0), firing("web", 1), firing("web", 2)), Map.of());

        assertEquals(1, result.incidents().size());
        assertEquals(3, result.incidents().get(0).occurrences());
        assertEquals(List.of(IncidentChange.OPENED, IncidentChange.UPDATED), changes(result));
        assertEquals(3, result.events().get(1).occurrences(), "one update per batch carries the final count");
    }

    @Test
    void aNewIncidentAwaitsADecisionWithTheDefaultDeadlineOfItsSeverity() {
        Changes result = apply(List.of(firing("web", 0)), Map.of());

        Incident opened = result.incidents().get(0);
        assertEquals(IncidentStatus.OPEN, opened.status());
        Instant due = T0.plus(TenantPolicy.DEFAULT.deadlineFor(Severity.CRITICAL).orElseThrow());
        assertEquals(due, opened.decision().decisionDueAt());
        assertEquals(List.of(new Deadline(opened.id(), "acme", Deadline.Kind.DECISION, due)), result.deadlines());
        assertTrue(result.events().get(0).awaitsDecision(), "operators are asked to decide");
        assertEquals(List.of("opened"), result.timeline().stream().map(TimelineEntry::kind).toList());
    }

    @Test
    void thePolicyConfirmsItsSeveritiesWithoutAPersonAndSetsNoDeadline() {
        Changes result = apply(List.of(firing("web", 0)), Map.of("acme", CRITICAL_AUTOMATIC));

        Incident confirmed = result.incidents().get(0);
        assertEquals(IncidentStatus.CONFIRMED, confirmed.status());
        assertEquals(IncidentLife.POLICY, confirmed.decision().confirmedBy());
        assertNull(confirmed.decision().decisionDueAt());
        assertTrue(result.deadlines().isEmpty());
        assertEquals(List.of(IncidentChange.OPENED, IncidentChange.CONFIRMED), changes(result));
        assertTrue(!result.events().get(0).awaitsDecision(), "nobody is asked to decide what the policy confirmed");
        assertTrue(result.events().get(1).contactsCustomer());
        assertEquals(List.of("opened", "confirmed"), result.timeline().stream().map(TimelineEntry::kind).toList());
        assertEquals(IncidentStatus.OPEN, result.timeline().get(1).from());
    }

    @Test
    void anUndecidedIncidentThatBecomesSevereEnoughIsConfirmedByThePolicy() {
        TriageMemory triage = TriageMemory.raisingAtOnce().policy("acme", CRITICAL_AUTOMATIC);
        triage.apply(alert("web", AlertStatus.FIRING, 0, Severity.MAJOR));

        Changes result = triage.apply(firing("web", 60));

        assertEquals(IncidentStatus.CONFIRMED, result.incidents().get(0).status());
        assertEquals(List.of(IncidentChange.CONFIRMED, IncidentChange.UPDATED), changes(result));
    }

    @Test
    void recoveryResolvesTheIncidentAndARecurrenceOpensANewOne() {
        Changes result = apply(List.of(firing("web", 0), resolved("web", 1), firing("web", 2)), Map.of());

        assertEquals(List.of(IncidentChange.OPENED, IncidentChange.RESOLVED, IncidentChange.OPENED), changes(result));
        assertEquals(2, result.incidents().size());
        assertEquals(IncidentStatus.RESOLVED, result.incidents().get(0).status(), "resolved rows are written first");
        assertEquals(IncidentStatus.OPEN, result.incidents().get(1).status());
        assertNotEquals(result.incidents().get(0).id(), result.incidents().get(1).id());
    }

    @Test
    void withAResolveDelayARecoveryOnlySetsADeadlineAndARepeatKeepsTheIncident() {
        TriageMemory triage = TriageMemory.raisingAtOnce().policy("acme", FIVE_MINUTES_QUIET);
        Changes quiet = triage.apply(firing("web", 0), resolved("web", 30));

        Incident incident = quiet.incidents().get(0);
        assertEquals(IncidentStatus.OPEN, incident.status());
        assertEquals(T0.plusSeconds(30), incident.recoveredAt());
        assertTrue(quiet.deadlines().contains(new Deadline(incident.id(), "acme", Deadline.Kind.RESOLVE,
                T0.plusSeconds(30).plus(Duration.ofMinutes(5)))));

        Changes again = triage.apply(firing("web", 90));
        assertEquals(incident.id(), again.incidents().get(0).id(), "a blip inside the delay is the same incident");
        assertNull(again.incidents().get(0).recoveredAt());
        assertTrue(IncidentLife.resolveIfStillQuiet(again.incidents().get(0), T0.plusSeconds(330), T0.plusSeconds(331))
                .isEmpty(), "the deadline finds it firing again and does nothing");
    }

    @Test
    void aConfirmedIncidentWithARunningExecutionIsRecoveringUntilTheExecutionEnds() {
        TriageMemory triage = TriageMemory.raisingAtOnce().policy("acme", CRITICAL_AUTOMATIC);
        triage.apply(firing("web", 0));
        triage.keep(triage.only().withRunningExecutions(1));

        Changes recovering = triage.apply(resolved("web", 60));
        Incident waiting = recovering.incidents().get(0);
        assertEquals(IncidentStatus.RECOVERING, waiting.status());
        assertEquals(List.of(IncidentChange.RECOVERING), changes(recovering));

        Changes ended = new Changes();
        Incident resolved = IncidentLife.executionEnded(ended, waiting.withRunningExecutions(0), UUID.randomUUID(),
                T0.plusSeconds(900));
        assertEquals(IncidentStatus.RESOLVED, resolved.status());
        assertTrue(ended.events().get(0).reportsRecoveryToCustomer());
    }

    @Test
    void aRecoveringIncidentWhoseAlertsFireAgainIsConfirmedAgain() {
        TriageMemory triage = TriageMemory.raisingAtOnce().policy("acme", CRITICAL_AUTOMATIC);
        triage.apply(firing("web", 0));
        triage.keep(triage.only().withRunningExecutions(1));
        triage.apply(resolved("web", 60));
        assertEquals(IncidentStatus.RECOVERING, triage.only().status());

        Changes result = triage.apply(firing("web", 120));

        assertEquals(IncidentStatus.CONFIRMED, result.incidents().get(0).status());
        assertEquals(List.of(TimelineKind.RELAPSED), result.timeline().stream().map(TimelineEntry::kind).toList());
        assertEquals(List.of(IncidentChange.UPDATED), changes(result), "the customer is not told twice");
    }

    @Test
    void anUndecidedOrDismissedIncidentResolvesWithoutReachingTheCustomer() {
        Changes undecided = apply(List.of(firing("web", 0), resolved("web", 5)), Map.of());
        assertTrue(undecided.events().stream().noneMatch(IncidentEvent::reportsRecoveryToCustomer));
        assertTrue(undecided.events().stream().noneMatch(IncidentEvent::contactsCustomer));

        TriageMemory triage = TriageMemory.raisingAtOnce();
        triage.apply(firing("db", 0));
        triage.keep(IncidentLife.act(triage.only(), new OperatorAction.Dismiss(DismissReason.NOISE, null, false),
                "night-shift", TenantPolicy.DEFAULT, UUID.randomUUID(), T0.plusSeconds(30)).incidents().get(0));
        Changes result = triage.apply(resolved("db", 60));
        assertEquals(IncidentStatus.RESOLVED, result.incidents().get(0).status());
        assertTrue(result.events().stream().noneMatch(IncidentEvent::reportsRecoveryToCustomer));
    }

    @Test
    void recoveryWithoutALiveIncidentIsIgnored() {
        Changes result = apply(List.of(resolved("web", 0)), Map.of());

        assertTrue(result.incidents().isEmpty());
        assertTrue(result.events().isEmpty());
    }

    @Test
    void differentFingerprintsAreDifferentIncidents() {
        assertEquals(2, apply(List.of(firing("web", 0), firing("db", 0)), Map.of()).incidents().size());
    }

    @Test
    void reapplyingTheSameAlertsYieldsTheSameIds() {
        List<Alert> alerts = List.of(firing("web", 0), firing("web", 1));

        Changes first = apply(alerts, Map.of("acme", CRITICAL_AUTOMATIC));
        Changes second = apply(alerts, Map.of("acme", CRITICAL_AUTOMATIC));

        assertEquals(first.incidents().get(0).id(), second.incidents().get(0).id());
        assertEquals(first.events().stream().map(IncidentEvent::eventId).toList(),
                second.events().stream().map(IncidentEvent::eventId).toList());
        assertEquals(first.timeline().stream().map(TimelineEntry::id).toList(),
                second.timeline().stream().map(TimelineEntry::id).toList());
    }

    private static Changes apply(List<Alert> alerts, Map<String, TenantPolicy> policies) {
        TriageMemory triage = TriageMemory.raisingAtOnce();
        policies.forEach(triage::policy);
        return triage.apply(alerts);
    }

    private static List<IncidentChange> changes(Changes result) {
        return result.events().stream().map(IncidentEvent::change).toList();
    }

    static Alert firing(String fingerprint, int second) {
        return alert(fingerprint, AlertStatus.FIRING, second, Severity.CRITICAL);
    }

    static Alert resolved(String fingerprint, int second) {
        return alert(fingerprint, AlertStatus.RESOLVED, second, Severity.CRITICAL);
    }

    static Alert alert(String fingerprint, AlertStatus status, int second, Severity severity) {
        Instant at = T0.plusSeconds(second);
        return new Alert(UUID.randomUUID(), "acme", fingerprint, "nagios", fingerprint + "-01", "http",
                severity, status, "HTTP 503", Map.of("env", "prod"), Map.of(), at, at);
    }
}
