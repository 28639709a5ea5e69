package dev.vigil.ingest.zabbix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.contracts.AlertStatus;
import dev.vigil.contracts.Json;
import dev.vigil.contracts.Severity;
import dev.vigil.ingest.ProbeResult;
import dev.vigil.platform.validation.InvalidInputException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Events as Vigil's Zabbix media type sends them, written from Zabbix's macro documentation. */
public class ZabbixEventTest {
    public static final String PROBLEM = """
            {"event_id": "8812", "status": "PROBLEM", "severity": "High", "trigger_name": "MySQL is down",
             "trigger_id": "23104", "host": "db-01", "host_name": "Shop database",
             "tags": [{"tag": "service", "value": "mysql"}, {"tag": "Application Tier", "value": "data"}],
             "message": "MySQL is down on db-01\\nOriginal problem ID: 8812", "update_action": "", "update_user": ""}""";

    @Test
    void aProblemFiresWithTheTablesSeverityAndTheEventsFingerprint() {
        ProbeResult result = one(tree(PROBLEM));
        assertEquals("zabbix", result.source());
        assertEquals("db-01", result.resource());
        assertEquals("MySQL is down", result.check());
        assertEquals(Severity.MAJOR, result.severity());
        assertEquals(AlertStatus.FIRING, result.status());
        assertEquals("zabbix:8812", result.fingerprint());
        assertEquals("MySQL is down on db-01", result.summary(), "the message's first line");
        assertEquals("mysql", result.labels().get("service"));
        assertEquals("Application Tier: data", result.annotations().get("zabbix_tags"));
    }

    @Test
    void aResolutionResolvesTheSameProblemsAlert() {
        ProbeResult resolved = one(tree(PROBLEM).put("status", "RESOLVED"));
        assertEquals(AlertStatus.RESOLVED, resolved.status());
        assertEquals("zabbix:8812", resolved.fingerprint());
    }

    @Test
    void everySeverityFollowsTheTable() {
        Map<String, Severity> table = Map.of("Disaster", Severity.CRITICAL, "High", Severity.MAJOR,
                "Average", Severity.MINOR, "Warning", Severity.WARNING, "Information", Severity.INFO,
                "Not classified", Severity.INFO, "Catastrophe", Severity.WARNING);
        table.forEach((zabbix, vigil) -> assertEquals(vigil, one(tree(PROBLEM).put("severity", zabbix)).severity(),
                zabbix));
    }

    @Test
    void anUpdateIsNoOccurrence() {
        assertTrue(ZabbixEvent.toProbeResults(tree(PROBLEM).put("status", "UPDATE")).isEmpty());
    }

    @Test
    void whatCannotBeAnEventIsNamed() {
        assertEquals("status", field(tree(PROBLEM).put("status", "OK")));
        assertEquals("event_id", field(tree(PROBLEM).put("event_id", "{EVENT.ID}")));
        assertEquals("trigger_name", field(tree(PROBLEM).put("trigger_name", "")));
        assertEquals("host", field(tree(PROBLEM).put("host", "").put("host_name", "")));
        assertEquals("severity", field(tree(PROBLEM).put("severity", 4)));
    }

    private static ProbeResult one(JsonNode body) {
        List<ProbeResult> results = ZabbixEvent.toProbeResults(body);
        assertEquals(1, results.size());
        return results.get(0);
    }

    private static String field(JsonNode body) {
        return assertThrows(InvalidInputException.class, () -> ZabbixEvent.toProbeResults(body)).violations().get(0)
                .field();
    }

    static ObjectNode tree(String json) {
        try {
            return (ObjectNode) Json.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
