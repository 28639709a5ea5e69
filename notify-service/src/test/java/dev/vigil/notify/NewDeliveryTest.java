package dev.vigil.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.contracts.IncidentChange;
import dev.vigil.contracts.IncidentEvent;
import dev.vigil.contracts.Severity;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class NewDeliveryTest {
    private final UUID first = UUID.randomUUID();
    private final UUID second = UUID.randomUUID();
    private final Map<String, List<UUID>> endpoints = Map.of("acme", List.of(first, second),
            "other", List.of(UUID.randomUUID()));

    @Test
    void oneDeliveryIsPlannedPerEnabledEndpointOfTheEventsTenantOnly() {
        List<NewDelivery> planned =
                NewDelivery.plan(Map.of(UUID.randomUUID(), event(IncidentChange.OPENED)), endpoints);

        assertEquals(List.of(first, second), planned.stream().map(NewDelivery::endpointId).toList());
        assertTrue(planned.stream().allMatch(d -> d.tenant().equals("acme")));
    }

    @Test
    void replayedEventPlansTheSameIdsAndBodies() {
        UUID eventId = UUID.randomUUID();
        IncidentEvent opened = event(IncidentChange.OPENED);

        assertEquals(NewDelivery.plan(Map.of(eventId, opened), endpoints),
                NewDelivery.plan(Map.of(eventId, opened), endpoints));
    }

    @Test
    void updatedEventPlansNothingWhileOthersInTheBatchDo() {
        Map<UUID, IncidentEvent> batch = new LinkedHashMap<>();
        batch.put(UUID.randomUUID(), event(IncidentChange.UPDATED));
        batch.put(UUID.randomUUID(), event(IncidentChange.RESOLVED));

        List<NewDelivery> planned = NewDelivery.plan(batch, endpoints);

        assertEquals(List.of("incident.resolved", "incident.resolved"),
                planned.stream().map(NewDelivery::eventType).toList());
    }

    @Test
    void tenantWithoutEndpointsGetsNoDeliveries() {
        IncidentEvent opened = event(IncidentChange.OPENED);

        assertTrue(NewDelivery.plan(Map.of(UUID.randomUUID(), opened), Map.of()).isEmpty());
    }

    private static IncidentEvent event(IncidentChange change) {
        Instant now = Instant.now();
        return new IncidentEvent(UUID.randomUUID(), change, "acme", UUID.randomUUID(), "fp", "zabbix", "db-02", "disk",
                Severity.MAJOR, "disk 95% full", Map.of(), 1, now, now, change == IncidentChange.RESOLVED ? now : null);
    }
}
