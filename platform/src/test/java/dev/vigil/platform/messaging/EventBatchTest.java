package dev.vigil.platform.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.contracts.CloudEventHeaders;
import dev.vigil.contracts.EventTypes;
import dev.vigil.contracts.IncidentChange;
import dev.vigil.contracts.IncidentEvent;
import dev.vigil.contracts.IncidentStatus;
import dev.vigil.contracts.Json;
import dev.vigil.contracts.Severity;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class EventBatchTest {
    private long offset;

    @Test
    void goodEventsAreKeptOnceInRecordOrderByTheirCloudEventId() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        IncidentEvent a = event("acme");
        IncidentEvent b = event("acme");

        EventBatch<IncidentEvent> batch = decode(record(first, "acme", Json.write(a)),
                record(second, "acme", Json.write(b)), record(first, "acme", Json.write(a)));

        assertEquals(List.of(first, second), batch.events().stream().map(EventBatch.Received::id).toList());
        assertEquals(a, batch.events().get(0).event());
        assertEquals(0, batch.events().get(0).record().offset(), "the first record of the event is kept");
        assertTrue(batch.poison().isEmpty());
    }

    @Test
    void eachKindOfPoisonIsParkedWithItsReason() {
        IncidentEvent good = event("acme");
        String withoutIncident = Json.write(good).replace("\"incidentId\":\"" + good.incidentId() + "\"",
                "\"incidentId\":null");

        EventBatch<IncidentEvent> batch = decode(
                record(null, "acme", Json.write(good)),
                record(UUID.randomUUID(), "acme", "{not json"),
                record(UUID.randomUUID(), "acme", null),
                record(UUID.randomUUID(), "acme", withoutIncident),
                record(UUID.randomUUID(), "globex", Json.write(good)));

        assertTrue(batch.events().isEmpty());
        List<String> reasons = batch.poison().stream().map(EventBatch.Poison::reason).toList();
        assertEquals(List.of("no-id", "not-json", "invalid-event", "invalid-event", "invalid-event"),
                batch.poison().stream().map(EventBatch.Poison::cause).toList());
        assertTrue(reasons.get(0).startsWith("missing or malformed ce_id"), reasons.get(0));
        assertTrue(reasons.get(1).startsWith("the value is not a valid IncidentEvent"), reasons.get(1));
        assertTrue(reasons.get(2).startsWith("the value is empty"), reasons.get(2));
        assertEquals("the IncidentEvent lacks incidentId", reasons.get(3));
        assertTrue(reasons.get(4).contains("names another tenant"), reasons.get(4));
    }

    @Test
    void aCloudEventOfAnUnknownTypeOrVersionIsParkedNotGuessedAt() {
        String good = Json.write(event("acme"));

        EventBatch<IncidentEvent> batch = decode(
                record(UUID.randomUUID(), "acme", good, "1.0", "dev.vigil.incident.opened.v2"),
                record(UUID.randomUUID(), "acme", good, "1.0", null),
                record(UUID.randomUUID(), "acme", good, "0.3", EventTypes.INCIDENT_OPENED),
                record(UUID.randomUUID(), "acme", good, null, EventTypes.INCIDENT_OPENED));

        assertTrue(batch.events().isEmpty());
        assertEquals(List.of("unknown-type", "unknown-type", "unknown-specversion", "unknown-specversion"),
                batch.poison().stream().map(EventBatch.Poison::cause).toList());
        assertTrue(batch.poison().get(0).reason().contains("dev.vigil.incident.opened.v2"));
    }

    @Test
    void aTypeTheTopicCarriesForAnotherConsumerIsPassedOverNeitherAppliedNorParked() {
        String other = "dev.vigil.incident.for-someone-else.v1";
        ConsumerRecord<String, String> passed = record(UUID.randomUUID(), "acme", "{}", "1.0", other);
        ConsumerRecord<String, String> kept = record(UUID.randomUUID(), "acme", Json.write(event("acme")));

        EventBatch<IncidentEvent> batch = EventBatch.decode(List.of(passed, kept), IncidentEvent.class,
                EventTypes.INCIDENT_TYPES, Set.of(other));

        assertEquals(1, batch.events().size());
        assertTrue(batch.poison().isEmpty(), "a passed-over record is no poison: " + batch.poison());
        assertEquals(1, decode(passed).poison().size(), "without being named, the same type is parked");
    }

    private static EventBatch<IncidentEvent> decode(ConsumerRecord<String, String>... records) {
        return EventBatch.decode(List.of(records), IncidentEvent.class, EventTypes.INCIDENT_TYPES,
                Set.of());
    }

    private ConsumerRecord<String, String> record(UUID id, String tenant, String value) {
        return record(id, tenant, value, "1.0", EventTypes.INCIDENT_OPENED);
    }

    private ConsumerRecord<String, String> record(UUID id, String tenant, String value, String specVersion,
            String type) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>("vigil.incidents", 0, offset++, "key", value);
        if (specVersion != null) {
            record.headers().add(CloudEventHeaders.SPEC_VERSION, specVersion.getBytes(StandardCharsets.UTF_8));
        }
        if (type != null) {
            record.headers().add(CloudEventHeaders.TYPE, type.getBytes(StandardCharsets.UTF_8));
        }
        if (id != null) {
            record.headers().add(CloudEventHeaders.ID, id.toString().getBytes(StandardCharsets.UTF_8));
        }
        record.headers().add(CloudEventHeaders.TENANT, tenant.getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private static IncidentEvent event(String tenant) {
        Instant now = Instant.parse("2026-11-25T03:00:00Z");
        return new IncidentEvent(UUID.randomUUID(), IncidentChange.OPENED, tenant, UUID.randomUUID(),
                IncidentStatus.OPEN, "fp", "nagios", "web-01", "http", Severity.CRITICAL, "HTTP 503", Map.of(), 1, now,
                now, null, null, "triage", null);
    }
}
