package dev.vigil.ingest.alertmanager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.contracts.AlertStatus;
import dev.vigil.contracts.Json;
import dev.vigil.contracts.Severity;
import dev.vigil.ingest.ProbeResult;
import dev.vigil.platform.validation.InvalidInputException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Written from Alertmanager's documented webhook payload (version 4), firing and resolved. */
public class AlertmanagerWebhookTest {
    public static final String FIRING = """
            {"version": "4", "groupKey": "{}:{alertname=\\"DiskFull\\"}", "truncatedAlerts": 0, "status": "firing",
             "receiver": "vigil", "groupLabels": {"alertname": "DiskFull"},
             "commonLabels": {"alertname": "DiskFull", "job": "node"}, "commonAnnotations": {},
             "externalURL": "http://alertmanager:9093",
             "alerts": [
               {"status": "firing",
                "labels": {"alertname": "DiskFull", "instance": "db-01:9100", "job": "node", "severity": "page",
                           "mountpoint": "/var"},
                "annotations": {"summary": "/var is 97% full", "runbook_url": "https://wiki/disk"},
                "startsAt": "2026-11-25T03:12:45.123Z", "endsAt": "0001-01-01T00:00:00Z",
                "generatorURL": "http://prometheus:9090/graph?g0.expr=disk", "fingerprint": "4e2c1a9b7f3d8e60"},
               {"status": "firing", "labels": {"alertname": "Watchdog", "severity": "none"},
                "annotations": {}, "startsAt": "2026-11-25T03:00:00Z", "endsAt": "0001-01-01T00:00:00Z",
                "generatorURL": "", "fingerprint": "0123456789abcdef"}
             ]}""";

    @Test
    void eachFiringAlertBecomesOneProbeResult() {
        List<ProbeResult> results = read(FIRING);

        ProbeResult disk = results.get(0);
        assertEquals("alertmanager", disk.source());
        assertEquals("db-01:9100", disk.resource());
        assertEquals("DiskFull", disk.check());
        assertEquals(Severity.CRITICAL, disk.severity(), "page is critical in the table");
        assertEquals(AlertStatus.FIRING, disk.status());
        assertEquals("/var is 97% full", disk.summary());
        assertEquals("/var", disk.labels().get("mountpoint"));
        assertEquals("page", disk.labels().get("severity"), "the original severity stays");
        assertEquals("http://prometheus:9090/graph?g0.expr=disk", disk.annotations().get("generatorURL"));
        assertEquals("https://wiki/disk", disk.annotations().get("runbook_url"));
        assertEquals(Instant.parse("2026-11-25T03:12:45.123Z"), disk.observedAt());
        assertEquals("alertmanager:4e2c1a9b7f3d8e60", disk.fingerprint());

        ProbeResult watchdog = results.get(1);
        assertEquals("unknown", watchdog.resource(), "no instance, host, node, pod, service or job label");
        assertEquals(Severity.INFO, watchdog.severity());
        assertEquals("Watchdog on unknown", watchdog.summary());
        assertNull(watchdog.annotations().get("generatorURL"), "an empty URL is not kept");
    }

    @Test
    void aResolvedAlertIsObservedAtItsEndAndKeepsItsFingerprint() {
        ObjectNode resolved = firing();
        ((ObjectNode) resolved.get("alerts").get(0)).put("status", "resolved").put("endsAt", "2026-11-25T03:40:00Z");
        ProbeResult disk = read(resolved).get(0);

        assertEquals(AlertStatus.RESOLVED, disk.status());
        assertEquals(Instant.parse("2026-11-25T03:40:00Z"), disk.observedAt());
        assertEquals(read(FIRING).get(0).fingerprint(), disk.fingerprint());
    }

    @Test
    void severitySpellingsFollowTheDocumentedTableAndUnknownOnesAreWarnings() {
        Map<String, Severity> expected = Map.of("critical", Severity.CRITICAL, "Error", Severity.MAJOR,
                "high", Severity.MAJOR, "average", Severity.MINOR, "warn", Severity.WARNING, "info", Severity.INFO,
                "catastrophic", Severity.WARNING, " CRITICAL ", Severity.CRITICAL);
        expected.forEach((label, severity) -> assertEquals(severity, SeverityTable.of(label), label));
        assertEquals(Severity.WARNING, SeverityTable.of(null));
    }

    @Test
    void whatCannotBeAnAlertIsNamedWithItsPathInThePayload() {
        assertEquals(List.of("alerts"), fields(assertThrows(InvalidInputException.class,
                () -> read("{\"version\": \"4\", \"alerts\": []}"))));
        assertEquals(List.of("$"), fields(assertThrows(InvalidInputException.class, () -> read("[1, 2]"))));
        ObjectNode broken = firing();
        ((ObjectNode) broken.get("alerts").get(0)).put("status", "burning");
        ((ObjectNode) broken.get("alerts").get(1).get("labels")).put("count", 3);
        assertEquals(List.of("alerts[0].status", "alerts[1].labels.count"),
                fields(assertThrows(InvalidInputException.class, () -> read(broken))));
    }

    @Test
    void longAnnotationsAreShortenedNotRefused() {
        String longText = "x".repeat(10_000);
        String body = FIRING.replace("\"/var is 97% full\"", "\"" + longText + "\"");
        ProbeResult disk = read(body).get(0);
        assertEquals(1024, disk.summary().length());
        assertEquals(4096, disk.annotations().get("summary").length());
    }

    private static List<ProbeResult> read(String json) {
        return read(tree(json));
    }

    private static List<ProbeResult> read(JsonNode body) {
        return AlertmanagerWebhook.toProbeResults(body, 1000);
    }

    private static ObjectNode firing() {
        return (ObjectNode) tree(FIRING);
    }

    private static JsonNode tree(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static List<String> fields(InvalidInputException e) {
        return e.violations().stream().map(InvalidInputException.Violation::field).toList();
    }
}
