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
        IncidentEvent event = new IncidentEvent(UUID.randomUUID(), IncidentChange.UPDATED, "acme", UUID.randomUUID(),
                "3f2a", "nagios", "web-01", "http", Severity.MAJOR, "HTTP 503", Map.of("env", "prod"), 3, T0,
                T0.plusSeconds(60), null);

        String json = Json.write(event);

        assertTrue(json.contains("\"change\":\"updated\""), json);
        assertEquals(event, Json.read(json, IncidentEvent.class));
        assertEquals(EventTypes.INCIDENT_UPDATED, event.eventType());
    }

    @Test
    void notificationOutcomeSurvivesTheWire() throws JsonProcessingException {
        NotificationOutcome outcome = new NotificationOutcome(UUID.randomUUID(), "acme", UUID.randomUUID(),
                UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), NotificationOutcome.Result.DELIVERED, 2, 204,
                T0);

        String json = Json.write(outcome);

        assertTrue(json.contains("\"result\":\"delivered\""), json);
        assertEquals(outcome, Json.read(json, NotificationOutcome.class));
    }

    @Test
    void runbookExecutionEventSurvivesTheWire() throws JsonProcessingException {
        RunbookExecutionEvent event = new RunbookExecutionEvent(UUID.randomUUID(), "acme", UUID.randomUUID(),
                UUID.randomUUID(), UUID.randomUUID(), "Restart web tier", 4, T0);

        assertEquals(event, Json.read(Json.write(event), RunbookExecutionEvent.class));
    }

    @Test
    void unknownFieldsFromNewerProducersAreIgnored() throws JsonProcessingException {
        String json = Json.write(new RunbookExecutionEvent(UUID.randomUUID(), "acme", UUID.randomUUID(),
                UUID.randomUUID(), UUID.randomUUID(), "Restart", 1, T0)).replace("{", "{\"addedLater\":true,");

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
    void wireNamesParseBack() {
        assertEquals(Severity.WARNING, Severity.fromWire("warning").orElseThrow());
        assertTrue(Severity.fromWire("WARNING").isEmpty());
        assertEquals(AlertStatus.RESOLVED, AlertStatus.fromWire("resolved").orElseThrow());
        assertTrue(AlertStatus.fromWire("ok").isEmpty());
    }
}
