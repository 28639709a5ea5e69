package dev.vigil.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.contracts.Alert;
import dev.vigil.contracts.AlertStatus;
import dev.vigil.contracts.IncidentChange;
import dev.vigil.contracts.IncidentEvent;
import dev.vigil.contracts.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TriagePolicyTest {
    private static final Instant T0 = Instant.parse("2026-11-25T03:00:00Z");

    @Test
    void repeatsOfOneFingerprintAreOneIncidentWithACount() {
        TriageResult result = TriagePolicy.apply(List.of(firing("web", 0), firing("web", 1), firing("web", 2)), Map.of());

        assertEquals(1, result.changed().size());
        assertEquals(3, result.changed().get(0).occurrences());
        assertEquals(List.of(IncidentChange.OPENED, IncidentChange.UPDATED), changes(result));
        assertEquals(3, result.events().get(1).occurrences(), "one update per batch carries the final count");
    }

    @Test
    void repeatOfAnAlreadyOpenIncidentCountsOnIt() {
        Incident open = TriagePolicy.apply(List.of(firing("web", 0)), Map.of()).changed().get(0);

        TriageResult result = TriagePolicy.apply(List.of(firing("web", 5)), Map.of(open.key(), open));

        assertEquals(open.id(), result.changed().get(0).id());
        assertEquals(2, result.changed().get(0).occurrences());
        assertEquals(T0.plusSeconds(5), result.changed().get(0).lastSeenAt());
        assertEquals(List.of(IncidentChange.UPDATED), changes(result));
    }

    @Test
    void recoveryResolvesTheOpenIncidentAndARecurrenceOpensANewOne() {
        TriageResult result = TriagePolicy.apply(
                List.of(firing("web", 0), resolved("web", 1), firing("web", 2)), Map.of());

        assertEquals(List.of(IncidentChange.OPENED, IncidentChange.RESOLVED, IncidentChange.OPENED), changes(result));
        assertEquals(2, result.changed().size());
        assertEquals(IncidentStatus.RESOLVED, result.changed().get(0).status(), "resolved rows are written first");
        assertEquals(IncidentStatus.OPEN, result.changed().get(1).status());
        assertNotEquals(result.changed().get(0).id(), result.changed().get(1).id());
    }

    @Test
    void recoveryWithoutAnOpenIncidentIsIgnored() {
        TriageResult result = TriagePolicy.apply(List.of(resolved("web", 0)), Map.of());

        assertTrue(result.changed().isEmpty());
        assertTrue(result.events().isEmpty());
    }

    @Test
    void differentFingerprintsAreDifferentIncidents() {
        TriageResult result = TriagePolicy.apply(List.of(firing("web", 0), firing("db", 0)), Map.of());

        assertEquals(2, result.changed().size());
    }

    @Test
    void reapplyingTheSameAlertsYieldsTheSameIds() {
        List<Alert> alerts = List.of(firing("web", 0), firing("web", 1));

        TriageResult first = TriagePolicy.apply(alerts, Map.of());
        TriageResult second = TriagePolicy.apply(alerts, Map.of());

        assertEquals(first.changed().get(0).id(), second.changed().get(0).id());
        assertEquals(first.events().stream().map(IncidentEvent::eventId).toList(),
                second.events().stream().map(IncidentEvent::eventId).toList());
    }

    private static List<IncidentChange> changes(TriageResult result) {
        return result.events().stream().map(IncidentEvent::change).toList();
    }

    static Alert firing(String fingerprint, int second) {
        return alert(fingerprint, AlertStatus.FIRING, second);
    }

    static Alert resolved(String fingerprint, int second) {
        return alert(fingerprint, AlertStatus.RESOLVED, second);
    }

    private static Alert alert(String fingerprint, AlertStatus status, int second) {
        Instant at = T0.plusSeconds(second);
        return new Alert(UUID.randomUUID(), "acme", fingerprint, "nagios", fingerprint + "-01", "http",
                Severity.CRITICAL, status, "HTTP 503", Map.of("env", "prod"), Map.of(), at, at);
    }
}
