package dev.vigil.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.ingest.alertmanager.AlertmanagerWebhook;
import dev.vigil.ingest.alertmanager.AlertmanagerWebhookTest;
import dev.vigil.ingest.api.AlertIntake;
import dev.vigil.ingest.cloudwatch.CloudWatchAlarm;
import dev.vigil.ingest.cloudwatch.CloudWatchAlarmTest;
import dev.vigil.ingest.cloudwatch.SnsMessage;
import dev.vigil.ingest.grafana.GrafanaWebhook;
import dev.vigil.ingest.grafana.GrafanaWebhookTest;
import dev.vigil.ingest.pagerduty.PagerDutyEvent;
import dev.vigil.ingest.pagerduty.PagerDutyEventTest;
import dev.vigil.ingest.zabbix.ZabbixEvent;
import dev.vigil.ingest.zabbix.ZabbixEventTest;
import dev.vigil.platform.problem.ProblemException;
import dev.vigil.platform.validation.InvalidInputException;
import dev.vigil.testsupport.fuzz.BodyMutations;
import dev.vigil.testsupport.fuzz.Fuzz;
import dev.vigil.testsupport.fuzz.FuzzRun;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Properties of every format's reader over thousands of mutated payloads (the HTTP fuzz tests send fewer,
 * through the whole service). Whatever the body, a reader either refuses it with one of the refusals the API
 * answers with a 4xx, or reads alerts that hold to the native format's rules, and reads the same body the same
 * way twice: the content-derived event ids of resends depend on it. Replay a failure with the seed it names.
 */
class VendorFormatPropertyTest {
    private static final int TRIES = FuzzRun.tries() * 12;
    private static final int MAX_ALERTS = 1000;
    private static final String NATIVE = """
            [{"source": "agent", "resource": "web-01", "check": "http", "severity": "critical", "status": "firing",
              "summary": "HTTP 503", "labels": {"env": "prod"}, "annotations": {"runbook": "restart"},
              "observedAt": "2026-11-25T10:00:00Z", "fingerprint": "probe-7:web-01.http"},
             {"source": "agent", "resource": "db-01", "check": "mysql", "severity": "minor"}]""";

    @Test
    void theNativeReaderRefusesOrReadsValidAlerts() {
        holds("native", NATIVE, body -> ProbeResultParser.parse(body, MAX_ALERTS));
    }

    @Test
    void theAlertmanagerReaderRefusesOrReadsValidAlerts() {
        holds("alertmanager", AlertmanagerWebhookTest.FIRING, body -> AlertmanagerWebhook.toProbeResults(body,
                MAX_ALERTS));
    }

    @Test
    void theZabbixReaderRefusesOrReadsValidAlerts() {
        holds("zabbix", ZabbixEventTest.PROBLEM, ZabbixEvent::toProbeResults);
    }

    @Test
    void theGrafanaReaderRefusesOrReadsValidAlerts() {
        holds("grafana", GrafanaWebhookTest.FIRING, body -> GrafanaWebhook.toProbeResults(body, MAX_ALERTS));
    }

    @Test
    void thePagerDutyReaderRefusesOrReadsValidAlerts() {
        holds("pagerduty", PagerDutyEventTest.TRIGGER, body -> PagerDutyEvent.read(body).results());
    }

    /** SNS carries the alarm as text in the notification's Message, which the reader parses itself. */
    @Test
    void theCloudWatchReaderRefusesOrReadsValidAlerts() {
        holdsForText("cloudwatch", CloudWatchAlarmTest.ALARM, message -> CloudWatchAlarm.toProbeResults(
                new SnsMessage(SnsMessage.Type.NOTIFICATION, "msg-1", "arn:aws:sns:eu-west-1:123456789012:alarms",
                        null, message, "2026-11-25T10:15:42.600Z", Instant.parse("2026-11-25T10:15:42.600Z"), "2",
                        "c2ln", "https://sns.eu-west-1.amazonaws.com/c.pem", null, null)));
    }

    private static void holds(String format, String valid, Function<JsonNode, List<ProbeResult>> reader) {
        holdsForText(format, valid, body -> reader.apply(AlertIntake.readJson(body)));
    }

    private static void holdsForText(String format, String valid, Function<String, List<ProbeResult>> reader) {
        Fuzz.run("reader " + format, TRIES, random -> {
            BodyMutations.Mutant mutant = BodyMutations.mutate(valid, random);
            String body = new String(mutant.body(), StandardCharsets.UTF_8);
            List<ProbeResult> read;
            try {
                read = reader.apply(body);
            } catch (InvalidInputException | TooManyAlertsException e) {
                return;
            } catch (ProblemException e) {
                int status = e.toProblem().status();
                assertTrue(status >= 400 && status < 500, mutant.what() + ": answered " + status);
                return;
            }
            read.forEach(result -> holdsToTheNativeRules(mutant.what(), result));
            List<String> again = reader.apply(body).stream()
                    .map(ProbeResult::canonicalContent).toList();
            assertEquals(read.stream().map(ProbeResult::canonicalContent).toList(), again,
                    mutant.what() + ": read differently twice");
        });
    }

    private static void holdsToTheNativeRules(String what, ProbeResult result) {
        for (String required : new String[] {result.source(), result.resource(), result.check()}) {
            assertNotNull(required, what);
            assertFalse(required.isBlank(), what + ": a blank required field");
        }
        assertNotNull(result.severity(), what);
        assertNotNull(result.status(), what);
        assertTrue(result.summary() == null || result.summary().length() <= ProbeResultParser.MAX_SUMMARY, what);
        result.labels().forEach((name, value) -> {
            assertTrue(ProbeResultParser.isLabelName(name), what + ": label " + name);
            assertTrue(value.length() <= ProbeResultParser.MAX_LABEL_VALUE, what + ": label " + name);
        });
        result.annotations().forEach((name, value) ->
                assertTrue(value.length() <= ProbeResultParser.MAX_ANNOTATION_VALUE, what + ": annotation " + name));
        String fingerprint = result.toAlert("acme", UUID.randomUUID(), Instant.now()).fingerprint();
        assertTrue(fingerprint.matches("[A-Za-z0-9._:\\-]{1,160}"), what + ": fingerprint " + fingerprint);
    }
}
