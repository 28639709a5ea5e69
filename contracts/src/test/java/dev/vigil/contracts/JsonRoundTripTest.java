package dev.vigil.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class JsonRoundTripTest {
    private static final Instant T0 = Instant.parse("2026-11-25T03:12:45.123Z");

    @Test
    void alertSurvivesTheWire() throws JsonProcessingException {
        Alert alert = new Alert(UUID.randomUUID(), "acme", "3f2a", "nagios", "web-01", "http", Severity.CRITICAL,
                AlertStatus.FIRING, "HTTP 503 from web-01", Map.of("env", "prod"), Map.of("runbook", "rb-1"),
                T0, T0.plusMillis(40));

        String json = Json.write(alert);

        assertTrue(json.contains("\"severity\":\"critical\""), json);
        assertTrue(json.contains("\"status\":\"firing\""), json);
        assertTrue(json.contains("\"observedAt\":\"2026-11-25T03:12:45.123Z\""), json);
        assertEquals(alert, Json.read(json, Alert.class));
    }

    @Test
    void incidentEventSurvivesTheWire() throws JsonProcessingException {
        IncidentDecision decision = IncidentDecision.NONE.dueAt(T0.plusSeconds(600))
                .acknowledged("night-shift", T0.plusSeconds(30))
                .confirmed("night-shift", T0.plusSeconds(90), "We are restarting the shop's server.", true);
        IncidentEvent event = new IncidentEvent(UUID.randomUUID(), IncidentChange.CONFIRMED, "acme",
                UUID.randomUUID(), IncidentStatus.CONFIRMED, "3f2a", "nagios", "web-01", "http", Severity.MAJOR,
                "HTTP 503", Map.of("env", "prod"), 3, T0, T0.plusSeconds(60), null, decision, "night-shift",
                "We are restarting the shop's server.");

        String json = Json.write(event);

        assertTrue(json.contains("\"change\":\"confirmed\""), json);
        assertTrue(json.contains("\"status\":\"confirmed\""), json);
        assertTrue(json.contains("\"confirmedBy\":\"night-shift\""), json);
        assertEquals(event, Json.read(json, IncidentEvent.class));
        assertEquals(EventTypes.INCIDENT_CONFIRMED, event.eventType());
        assertTrue(event.contactsCustomer());
        assertEquals(null, event.decision().decisionDueAt(), "a decision clears the deadline");
    }

    @Test
    void notificationOutcomeSurvivesTheWire() throws JsonProcessingException {
        NotificationOutcome outcome = new NotificationOutcome(UUID.randomUUID(), "acme", UUID.randomUUID(),
                UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), Audience.CUSTOMER,
                NotificationOutcome.Result.DELIVERED, 2, 204,
                T0);

        String json = Json.write(outcome);

        assertTrue(json.contains("\"result\":\"delivered\""), json);
        assertEquals(outcome, Json.read(json, NotificationOutcome.class));
    }

    @Test
    void runbookExecutionEventSurvivesTheWire() throws JsonProcessingException {
        RunbookExecutionEvent event = new RunbookExecutionEvent(UUID.randomUUID(), ExecutionChange.COMPLETED,
                "acme", UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "Restart web tier", 4, T0,
                "night-shift", "Shop answers 200 again", T0.plusSeconds(900));

        assertEquals(event, Json.read(Json.write(event), RunbookExecutionEvent.class));
    }

    @Test
    void unknownFieldsFromNewerProducersAreIgnored() throws JsonProcessingException {
        String json = Json.write(new RunbookExecutionEvent(UUID.randomUUID(), ExecutionChange.OPENED, "acme",
                UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "Restart", 1, T0, "runbook", null, T0))
                .replace("{", "{\"addedLater\":true,");

        assertEquals("acme", Json.read(json, RunbookExecutionEvent.class).tenant());
    }

    @Test
    void unknownSeverityIsRejectedNotGuessed() {
        String json = Json.write(new Alert(UUID.randomUUID(), "acme", "f", "s", "r", "c", Severity.INFO,
                AlertStatus.RESOLVED, "x", null, null, T0, T0)).replace("\"info\"", "\"catastrophic\"");

        assertThrows(JsonProcessingException.class, () -> Json.read(json, Alert.class));
    }

    @Test
    void derivedEventIdsAreStableAndDistinctPerType() {
        UUID cause = UUID.randomUUID();

        assertEquals(EventIds.derived(cause, EventTypes.INCIDENT_OPENED),
                EventIds.derived(cause, EventTypes.INCIDENT_OPENED));
        assertNotEquals(EventIds.derived(cause, EventTypes.INCIDENT_OPENED),
                EventIds.derived(cause, EventTypes.INCIDENT_RESOLVED));
        assertNotEquals(EventIds.derived(cause, EventTypes.INCIDENT_OPENED, "a"),
                EventIds.derived(cause, EventTypes.INCIDENT_OPENED, "b"));
    }

    @Test
    void everyChangeHasTheTypeNamedInEventTypes() {
        assertEquals(EventTypes.INCIDENT_OPENED, IncidentChange.OPENED.eventType());
        assertEquals(EventTypes.INCIDENT_ESCALATED, IncidentChange.ESCALATED.eventType());
        assertEquals(EventTypes.INCIDENT_RESOLVED, IncidentChange.RESOLVED.eventType());
        assertEquals(IncidentChange.values().length, EventTypes.INCIDENT_TYPES.size());
        assertEquals(EventTypes.RUNBOOK_EXECUTION_COMPLETED, ExecutionChange.COMPLETED.eventType());
        assertEquals(EventTypes.RUNBOOK_EXECUTION_ABANDONED, ExecutionChange.ABANDONED.eventType());
    }

    @Test
    void onlyAConfirmedIncidentsResolutionReachesTheCustomer() {
        IncidentDecision dismissed = IncidentDecision.NONE.dismissed("night-shift", T0, "noise");
        IncidentDecision confirmed = IncidentDecision.NONE.confirmed("policy", T0, null, true);
        IncidentDecision confirmedQuietly = IncidentDecision.NONE.confirmed("policy", T0, null, false);

        assertTrue(resolved(confirmed).reportsRecoveryToCustomer());
        assertTrue(!resolved(dismissed).reportsRecoveryToCustomer());
        assertTrue(!resolved(IncidentDecision.NONE).reportsRecoveryToCustomer(), "undecided: the customer never heard");
        assertTrue(!resolved(confirmedQuietly).reportsRecoveryToCustomer(), "the policy keeps recoveries quiet");
    }

    @Test
    void onlyAnUndecidedNewIncidentAwaitsADecision() {
        assertTrue(event(IncidentChange.OPENED, IncidentStatus.OPEN).awaitsDecision());
        assertTrue(!event(IncidentChange.OPENED, IncidentStatus.CONFIRMED).awaitsDecision(), "confirmed by policy");
        assertTrue(!event(IncidentChange.ACKNOWLEDGED, IncidentStatus.ACKNOWLEDGED).awaitsDecision());
    }

    private static IncidentEvent resolved(IncidentDecision decision) {
        return new IncidentEvent(UUID.randomUUID(), IncidentChange.RESOLVED, "acme", UUID.randomUUID(),
                IncidentStatus.RESOLVED, "f", "s", "r", "c", Severity.MAJOR, "x", null, 1, T0, T0, T0, decision,
                "triage", null);
    }

    private static IncidentEvent event(IncidentChange change, IncidentStatus status) {
        return new IncidentEvent(UUID.randomUUID(), change, "acme", UUID.randomUUID(), status, "f", "s", "r", "c",
                Severity.MAJOR, "x", null, 1, T0, T0, null, null, "triage", null);
    }

    @Test
    void wireNamesParseBack() {
        assertEquals(Severity.WARNING, Severity.fromWire("warning").orElseThrow());
        assertTrue(Severity.fromWire("WARNING").isEmpty());
        assertEquals(AlertStatus.RESOLVED, AlertStatus.fromWire("resolved").orElseThrow());
        assertTrue(AlertStatus.fromWire("ok").isEmpty());
    }
}
