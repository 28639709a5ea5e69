package dev.vigil.notify;

import dev.vigil.contracts.CloudEventHeaders;
import dev.vigil.contracts.IncidentChange;
import dev.vigil.contracts.IncidentEvent;
import dev.vigil.contracts.Json;
import dev.vigil.contracts.Keys;
import dev.vigil.contracts.Severity;
import dev.vigil.contracts.Topics;
import dev.vigil.testsupport.TestInfra;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Incident events as triage publishes them, produced straight onto {@link Topics#INCIDENTS}. */
public final class TestIncidents {
    private TestIncidents() {
    }

    public static IncidentEvent event(IncidentChange change, String tenant, UUID incidentId) {
        Instant opened = Instant.now().minusSeconds(120);
        return new IncidentEvent(UUID.randomUUID(), change, tenant, incidentId, "fp-" + incidentId, "prometheus",
                "web-01", "http", Severity.CRITICAL, "HTTP probe failed", Map.of("region", "eu-west"), 3, opened,
                Instant.now(), change == IncidentChange.RESOLVED ? Instant.now() : null);
    }

    public static void publish(IncidentEvent event) {
        TestInfra.produce(Topics.INCIDENTS, Keys.incident(event.tenant(), event.incidentId()), Json.write(event),
                Map.of("ce_specversion", "1.0",
                        CloudEventHeaders.ID, event.eventId().toString(),
                        CloudEventHeaders.TYPE, event.eventType(),
                        CloudEventHeaders.SOURCE, "urn:vigil:triage",
                        CloudEventHeaders.TENANT, event.tenant(),
                        "content-type", "application/json"));
    }

    public static String newTenant() {
        return "t-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
