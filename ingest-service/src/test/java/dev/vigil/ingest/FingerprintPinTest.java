package dev.vigil.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.contracts.AlertStatus;
import dev.vigil.contracts.Json;
import dev.vigil.ingest.alertmanager.AlertmanagerWebhook;
import dev.vigil.ingest.cloudwatch.CloudWatchAlarm;
import dev.vigil.ingest.cloudwatch.CloudWatchAlarmTest;
import dev.vigil.ingest.cloudwatch.SnsMessage;
import dev.vigil.ingest.grafana.GrafanaWebhook;
import dev.vigil.ingest.grafana.GrafanaWebhookTest;
import dev.vigil.ingest.nagios.NagiosNotification;
import dev.vigil.ingest.pagerduty.PagerDutyEvent;
import dev.vigil.ingest.pagerduty.PagerDutyEventTest;
import dev.vigil.ingest.zabbix.ZabbixEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The fingerprint each input gives, pinned. Open incidents are keyed by tenant and fingerprint, so a change here
 * would split every open incident from its resolution after an upgrade: change a pin only with a migration
 * story. Each case also checks that the resolution carries the firing's fingerprint.
 */
class FingerprintPinTest {

    @Test
    void nativeAlertsWithoutAFingerprintHashSourceResourceCheckAndLabels() {
        String firing = """
                {"source": "agent", "resource": "web-01", "check": "http", "severity": "critical",
                 "labels": {"env": "prod", "zone": "tokyo-1"}, "annotations": {"runbook": "restart"}}""";
        pin("27b906de52420f0b2613ac559c1a2d92", firing, firing.replace("\"critical\"", "\"critical\", \"status\": \"resolved\""),
                body -> ProbeResultParser.parse(body, 10));
    }

    @Test
    void nativeAlertsKeepTheFingerprintTheySend() {
        String firing = """
                {"source": "agent", "resource": "web-01", "check": "http", "severity": "major",
                 "fingerprint": "probe-7:web-01.http"}""";
        pin("probe-7:web-01.http", firing, firing.replace("\"http\",", "\"http\", \"status\": \"resolved\","),
                body -> ProbeResultParser.parse(body, 10));
    }

    @Test
    void alertmanagerAlertsKeepAlertmanagersFingerprint() {
        String firing = """
                {"version": "4", "status": "firing", "receiver": "vigil", "groupKey": "{}:{}",
                 "alerts": [{"status": "firing", "labels": {"alertname": "DiskFull", "instance": "db-01:9100"},
                  "annotations": {}, "startsAt": "2026-11-25T03:12:45Z", "endsAt": "0001-01-01T00:00:00Z",
                  "fingerprint": "4e2c1a9b7f3d8e60"}]}""";
        String resolved = firing.replace("\"status\": \"firing\"", "\"status\": \"resolved\"")
                .replace("0001-01-01T00:00:00Z", "2026-11-25T03:40:00Z");
        pin("alertmanager:4e2c1a9b7f3d8e60", firing, resolved, body -> AlertmanagerWebhook.toProbeResults(body, 10));
    }

    @Test
    void zabbixEventsAreKeyedByTheProblemsEventId() {
        String firing = """
                {"event_id": "8812", "status": "PROBLEM", "severity": "High", "trigger_name": "MySQL is down",
                 "host": "db-01"}""";
        pin("zabbix:8812", firing, firing.replace("PROBLEM", "RESOLVED"), ZabbixEvent::toProbeResults);
    }

    @Test
    void nagiosServiceAndHostNotificationsHashHostAndService() {
        Map<String, String> service = Map.of("NOTIFICATIONTYPE", "PROBLEM", "HOSTNAME", "web-01",
                "SERVICEDESC", "HTTP", "SERVICESTATE", "CRITICAL", "SERVICEOUTPUT", "HTTP CRITICAL: 503");
        Map<String, String> serviceOk = Map.of("NOTIFICATIONTYPE", "RECOVERY", "HOSTNAME", "web-01",
                "SERVICEDESC", "HTTP", "SERVICESTATE", "OK", "SERVICEOUTPUT", "HTTP OK: 200");
        pin("2bd892d51d1a9159671222a349bc0549", nagios(service), nagios(serviceOk));
        Map<String, String> host = Map.of("NOTIFICATIONTYPE", "PROBLEM", "HOSTNAME", "db-01", "HOSTSTATE", "DOWN",
                "HOSTOUTPUT", "PING CRITICAL - Packet loss = 100%");
        Map<String, String> hostUp = Map.of("NOTIFICATIONTYPE", "RECOVERY", "HOSTNAME", "db-01", "HOSTSTATE", "UP",
                "HOSTOUTPUT", "PING OK");
        pin("23bf880b2fc99522b852ee76bfa49231", nagios(host), nagios(hostUp));
    }

    @Test
    void grafanaAlertsKeepGrafanasFingerprint() {
        pin("grafana:c6eadffa33fcdf37", GrafanaWebhookTest.FIRING, GrafanaWebhookTest.FIRING
                .replace("\"status\": \"firing\"", "\"status\": \"resolved\"")
                .replace("\"endsAt\": \"0001-01-01T00:00:00Z\"", "\"endsAt\": \"2026-11-25T10:20:00Z\""),
                body -> GrafanaWebhook.toProbeResults(body, 10));
    }

    @Test
    void pagerDutyEventsAreKeyedByTheirDedupKey() {
        pin("pagerduty:samplekeyhere", PagerDutyEventTest.TRIGGER, PagerDutyEventTest.RESOLVE,
                body -> PagerDutyEvent.read(body).results());
        String spaced = PagerDutyEventTest.TRIGGER.replace("\"dedup_key\": \"samplekeyhere\"",
                "\"dedup_key\": \"srv01/HTTP check\"");
        pin("pagerduty:sha-e4a3f9137260b10e69adc870b6333fea", spaced, PagerDutyEventTest.RESOLVE.replace("samplekeyhere", "srv01/HTTP check"),
                body -> PagerDutyEvent.read(body).results());
    }

    @Test
    void cloudWatchAlarmsAreKeyedByTheirArn() {
        pin("cloudwatch:arn:aws:cloudwatch:eu-west-1:123456789012:alarm:web-01-cpu-high",
                cloudWatch(CloudWatchAlarmTest.ALARM), cloudWatch(CloudWatchAlarmTest.OK));
        String spaced = CloudWatchAlarmTest.ALARM.replace("alarm:web-01-cpu-high", "alarm:web 01 cpu high");
        pin("cloudwatch:arn-sha256:39822aade94fa694fad924d6f77a2140a500abd211174574a37bd9a81f72bc0a", cloudWatch(spaced), cloudWatch(spaced.replace("\"NewStateValue\":\"ALARM\"",
                "\"NewStateValue\":\"OK\"")));
    }

    private static ProbeResult cloudWatch(String alarm) {
        return CloudWatchAlarm.toProbeResults(new SnsMessage(SnsMessage.Type.NOTIFICATION, "msg-1",
                "arn:aws:sns:eu-west-1:123456789012:vigil-alarms", null, alarm, "2026-11-25T10:15:42.600Z",
                Instant.parse("2026-11-25T10:15:42.600Z"), "2", "c2ln", "https://sns.eu-west-1.amazonaws.com/c.pem",
                null, null)).get(0);
    }

    private static String fingerprint(ProbeResult result) {
        return result.toAlert("acme", UUID.randomUUID(), Instant.parse("2026-11-25T04:00:00Z")).fingerprint();
    }

    private static void pin(String expected, String firing, String resolved, Function<JsonNode, List<ProbeResult>> read) {
        pin(expected, read.apply(tree(firing)).get(0), read.apply(tree(resolved)).get(0));
    }

    private static void pin(String expected, ProbeResult firing, ProbeResult resolved) {
        assertEquals(AlertStatus.FIRING, firing.status());
        assertEquals(AlertStatus.RESOLVED, resolved.status());
        assertEquals(expected, fingerprint(firing));
        assertEquals(expected, fingerprint(resolved), "the resolution matches its firing");
    }

    private static ProbeResult nagios(Map<String, String> macros) {
        return NagiosNotification.toProbeResults(macros).get(0);
    }

    private static JsonNode tree(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(json, e);
        }
    }
}
