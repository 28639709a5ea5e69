package dev.vigil.ingest.nagios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.contracts.AlertStatus;
import dev.vigil.contracts.Severity;
import dev.vigil.ingest.ProbeResult;
import dev.vigil.platform.validation.InvalidInputException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Macros as Nagios Core's and Icinga 2's notification commands send them. */
class NagiosNotificationTest {
    static final Map<String, String> SERVICE_PROBLEM = Map.of("NOTIFICATIONTYPE", "PROBLEM", "HOSTNAME", "web-01",
            "HOSTADDRESS", "10.0.4.21", "SERVICEDESC", "HTTP", "SERVICESTATE", "CRITICAL",
            "SERVICEOUTPUT", "HTTP CRITICAL: HTTP/1.1 503 Service Unavailable", "TIMET", "1795576365");
    static final Map<String, String> HOST_DOWN = Map.of("NOTIFICATIONTYPE", "PROBLEM", "HOSTNAME", "db-01",
            "HOSTSTATE", "DOWN", "HOSTOUTPUT", "PING CRITICAL - Packet loss = 100%");

    @Test
    void aServiceProblemFiresWithTheStatesSeverity() {
        ProbeResult result = one(SERVICE_PROBLEM);
        assertEquals("nagios", result.source());
        assertEquals("web-01", result.resource());
        assertEquals("HTTP", result.check());
        assertEquals(Severity.CRITICAL, result.severity());
        assertEquals(AlertStatus.FIRING, result.status());
        assertEquals("HTTP CRITICAL: HTTP/1.1 503 Service Unavailable", result.summary());
        assertEquals("10.0.4.21", result.annotations().get("hostaddress"));
        assertEquals(Instant.ofEpochSecond(1795576365), result.observedAt());
    }

    @Test
    void aRecoveryResolvesTheSameAlert() {
        ProbeResult recovery = one(with(SERVICE_PROBLEM, "NOTIFICATIONTYPE", "RECOVERY", "SERVICESTATE", "OK"));
        assertEquals(AlertStatus.RESOLVED, recovery.status());
        assertEquals(one(SERVICE_PROBLEM).resource(), recovery.resource());
        assertEquals(one(SERVICE_PROBLEM).check(), recovery.check());
    }

    @Test
    void aHostNotificationIsTheHostCheck() {
        ProbeResult down = one(HOST_DOWN);
        assertEquals("host", down.check());
        assertEquals(Severity.CRITICAL, down.severity());
        assertEquals(Severity.MAJOR, one(with(HOST_DOWN, "HOSTSTATE", "UNREACHABLE")).severity());
        assertEquals(AlertStatus.RESOLVED, one(with(HOST_DOWN, "NOTIFICATIONTYPE", "RECOVERY", "HOSTSTATE", "UP"))
                .status());
    }

    @Test
    void flappingFiresAndItsEndFollowsTheState() {
        assertEquals(AlertStatus.FIRING, one(with(SERVICE_PROBLEM, "NOTIFICATIONTYPE", "FLAPPINGSTART")).status());
        assertEquals("FLAPPINGSTART", one(with(SERVICE_PROBLEM, "NOTIFICATIONTYPE", "FlappingStart"))
                .annotations().get("notification_type"));
        assertEquals(AlertStatus.RESOLVED, one(with(SERVICE_PROBLEM, "NOTIFICATIONTYPE", "FlappingEnd",
                "SERVICESTATE", "OK")).status());
        assertEquals(AlertStatus.FIRING, one(with(SERVICE_PROBLEM, "NOTIFICATIONTYPE", "FLAPPINGSTOP")).status(),
                "flapping stopped in a failing state: still failing");
    }

    @Test
    void acknowledgementsDowntimesAndCustomNotificationsAreNoOccurrence() {
        for (String type : List.of("ACKNOWLEDGEMENT", "DOWNTIMESTART", "DOWNTIMEEND", "DOWNTIMECANCELLED",
                "DowntimeRemoved", "CUSTOM")) {
            assertTrue(NagiosNotification.toProbeResults(with(SERVICE_PROBLEM, "NOTIFICATIONTYPE", type)).isEmpty(),
                    type);
        }
    }

    @Test
    void whatCannotBeANotificationIsNamedByItsMacro() {
        assertEquals("NOTIFICATIONTYPE", field(with(SERVICE_PROBLEM, "NOTIFICATIONTYPE", "PANIC")));
        assertEquals("SERVICESTATE", field(with(SERVICE_PROBLEM, "SERVICESTATE", "ON FIRE")));
        assertEquals("HOSTSTATE", field(with(HOST_DOWN, "HOSTSTATE", "")));
        Map<String, String> noHost = new HashMap<>(SERVICE_PROBLEM);
        noHost.remove("HOSTNAME");
        assertEquals("HOSTNAME", field(noHost));
    }

    @Test
    void macroNamesAreMatchedWithoutRegardToCase() {
        Map<String, String> lower = new HashMap<>();
        SERVICE_PROBLEM.forEach((name, value) -> lower.put(name.toLowerCase(), value));
        assertEquals(one(SERVICE_PROBLEM).check(), one(lower).check());
    }

    private static ProbeResult one(Map<String, String> macros) {
        List<ProbeResult> results = NagiosNotification.toProbeResults(macros);
        assertEquals(1, results.size());
        return results.get(0);
    }

    private static String field(Map<String, String> macros) {
        return assertThrows(InvalidInputException.class, () -> NagiosNotification.toProbeResults(macros))
                .violations().get(0).field();
    }

    static Map<String, String> with(Map<String, String> macros, String... changes) {
        Map<String, String> changed = new HashMap<>(macros);
        for (int i = 0; i < changes.length; i += 2) {
            changed.put(changes[i], changes[i + 1]);
        }
        return changed;
    }
}
