package dev.vigil.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.contracts.IncidentChange;
import dev.vigil.contracts.IncidentEvent;
import dev.vigil.contracts.Json;
import dev.vigil.contracts.Severity;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class WebhookPayloadTest {
    private static final Instant OPENED = Instant.parse("2026-11-24T10:00:00Z");
    private static final Instant RESOLVED = Instant.parse("2026-11-24T10:20:00Z");
    private static final UUID INCIDENT = UUID.fromString("5b0f9a4e-8c1d-4a51-9d0e-0a5c6f1e2b3c");

    @Test
    void openedIncidentTellsTheCustomerWhatIsFailingInPlainWords() throws Exception {
        JsonNode body = json(event(IncidentChange.OPENED, null));

        assertEquals("incident.opened", body.get("type").asText());
        assertEquals(OPENED.toString(), body.get("timestamp").asText());
        assertEquals("web-01: the http check is failing (critical). We are looking into it.",
                body.at("/data/message").asText());
        assertEquals(INCIDENT.toString(), body.at("/data/incidentId").asText());
        assertEquals("acme", body.at("/data/tenant").asText());
        assertEquals("critical", body.at("/data/severity").asText());
        assertEquals(3, body.at("/data/occurrences").asLong());
        assertEquals("eu-west", body.at("/data/labels/region").asText());
    }

    @Test
    void resolvedIncidentSaysItRecovered() throws Exception {
        JsonNode body = json(event(IncidentChange.RESOLVED, RESOLVED));

        assertEquals("incident.resolved", body.get("type").asText());
        assertEquals(RESOLVED.toString(), body.get("timestamp").asText());
        assertEquals(RESOLVED.toString(), body.at("/data/resolvedAt").asText());
        assertEquals("web-01: the http check has recovered.", body.at("/data/message").asText());
    }

    @Test
    void updatedIncidentSendsNothing() {
        assertTrue(WebhookPayload.of(event(IncidentChange.UPDATED, null)).isEmpty());
    }

    @Test
    void sameEventAlwaysYieldsTheSameBytes() {
        Map<String, String> labels = Map.of("zone", "b", "app", "shop", "region", "eu-west", "env", "prod");
        IncidentEvent a = event(IncidentChange.OPENED, null, labels);
        IncidentEvent b = event(IncidentChange.OPENED, null, Map.copyOf(labels));

        assertEquals(WebhookPayload.of(a).orElseThrow().toJson(), WebhookPayload.of(b).orElseThrow().toJson());
    }

    private static JsonNode json(IncidentEvent event) throws Exception {
        return Json.mapper().readTree(WebhookPayload.of(event).orElseThrow().toJson());
    }

    private static IncidentEvent event(IncidentChange change, Instant resolvedAt) {
        return event(change, resolvedAt, Map.of("region", "eu-west"));
    }

    private static IncidentEvent event(IncidentChange change, Instant resolvedAt, Map<String, String> labels) {
        return new IncidentEvent(UUID.randomUUID(), change, "acme", INCIDENT, "fp-1", "prometheus", "web-01", "http",
                Severity.CRITICAL, "HTTP probe failed", labels, 3, OPENED, OPENED.plusSeconds(60), resolvedAt);
    }
}
