package dev.vigil.ingest.pagerduty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.contracts.AlertStatus;
import dev.vigil.contracts.Json;
import dev.vigil.contracts.Severity;
import dev.vigil.ingest.ProbeResult;
import dev.vigil.platform.validation.InvalidInputException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Events as PagerDuty's Events API v2 documentation shows them: trigger, acknowledge, resolve. */
public class PagerDutyEventTest {
    public static final String TRIGGER = """
            {"payload": {
               "summary": "Example alert on host1.example.com",
               "timestamp": "2026-11-25T08:42:58.315+0000",
               "source": "monitoringtool:cloudvendor:central-region-dc-01:852559987:cluster/api-stats-prod-003",
               "severity": "error",
               "component": "postgres",
               "group": "prod-datapipe",
               "class": "deploy",
               "custom_details": {"ping time": "1500ms", "load avg": 0.75,
                                  "disk": {"used": "93%", "mount": "/var"}, "owners": ["dba", "sre"]}},
             "routing_key": "vik_samplekeyhere",
             "dedup_key": "samplekeyhere",
             "images": [{"src": "https://www.example.com/graph.png", "href": "https://example.com/",
                         "alt": "Example text"}],
             "links": [{"href": "https://example.com/", "text": "Link text"}],
             "event_action": "trigger",
             "client": "Sample Monitoring Service",
             "client_url": "https://monitoring.example.com"}""";
    public static final String ACKNOWLEDGE = """
            {"routing_key": "vik_samplekeyhere", "dedup_key": "samplekeyhere", "event_action": "acknowledge"}""";
    public static final String RESOLVE = """
            {"routing_key": "vik_samplekeyhere", "dedup_key": "samplekeyhere", "event_action": "resolve"}""";

    @Test
    void aTriggerFiresTheAlertOfItsDedupKey() {
        PagerDutyEvent event = PagerDutyEvent.read(tree(TRIGGER));
        assertEquals("samplekeyhere", event.dedupKey());
        ProbeResult alert = one(event);

        assertEquals("pagerduty", alert.source());
        assertEquals("monitoringtool:cloudvendor:central-region-dc-01:852559987:cluster/api-stats-prod-003",
                alert.resource());
        assertEquals("deploy", alert.check(), "the event's class");
        assertEquals(Severity.MAJOR, alert.severity(), "error is major");
        assertEquals(AlertStatus.FIRING, alert.status());
        assertEquals("Example alert on host1.example.com", alert.summary());
        assertEquals(Instant.parse("2026-11-25T08:42:58.315Z"), alert.observedAt(), "an offset without a colon");
        assertEquals("pagerduty:samplekeyhere", alert.fingerprint());
        assertEquals(Map.of("component", "postgres", "group", "prod-datapipe", "class", "deploy"), alert.labels());
    }

    @Test
    void customDetailsLinksImagesAndTheClientAreKeptAsAnnotations() {
        Map<String, String> annotations = one(PagerDutyEvent.read(tree(TRIGGER))).annotations();
        assertEquals("1500ms", annotations.get("custom_details.ping_time"));
        assertEquals("0.75", annotations.get("custom_details.load_avg"));
        assertEquals("93%", annotations.get("custom_details.disk.used"));
        assertEquals("/var", annotations.get("custom_details.disk.mount"));
        assertEquals("[\"dba\",\"sre\"]", annotations.get("custom_details.owners"));
        assertEquals("Link text: https://example.com/", annotations.get("links"));
        assertEquals("Example text: https://www.example.com/graph.png", annotations.get("images"));
        assertEquals("Sample Monitoring Service", annotations.get("client"));
        assertEquals("https://monitoring.example.com", annotations.get("client_url"));
    }

    @Test
    void manyCustomDetailsAreCutAtTheLimitAndTheCutIsSaid() {
        ObjectNode event = tree(TRIGGER);
        ObjectNode details = ((ObjectNode) event.get("payload")).putObject("custom_details");
        for (int i = 0; i < 100; i++) {
            details.put("detail " + i, "x".repeat(5000));
        }
        Map<String, String> annotations = one(PagerDutyEvent.read(event)).annotations();
        assertEquals(4096, annotations.get("custom_details.detail_0").length());
        assertEquals(CustomDetails.MAX_ENTRIES, annotations.keySet().stream()
                .filter(name -> name.startsWith("custom_details.")).count());
        assertEquals("52 more entries of custom_details are not kept", annotations.get("custom_details_omitted"));
    }

    @Test
    void severitiesFollowPagerDutysFourAndAnyOtherIsRefused() {
        Map<String, Severity> table = Map.of("critical", Severity.CRITICAL, "error", Severity.MAJOR,
                "warning", Severity.WARNING, "info", Severity.INFO);
        table.forEach((pagerDuty, vigil) -> assertEquals(vigil, one(PagerDutyEvent.read(withPayload("severity",
                pagerDuty))).severity(), pagerDuty));
        assertEquals(List.of("payload.severity"), fields(withPayload("severity", "major")));
        assertEquals(List.of("payload.severity"), fields(withPayload("severity", "Critical")));
    }

    @Test
    void aTriggerWithoutClassOrComponentIsCheckedByItsSummary() {
        ObjectNode event = tree(TRIGGER);
        ((ObjectNode) event.get("payload")).remove(List.of("class", "component"));
        assertEquals("Example alert on host1.example.com", one(PagerDutyEvent.read(event)).check());
    }

    @Test
    void aTriggerWithoutDedupKeyGetsOneFromItsContentSoARetryMeetsTheSameAlert() {
        ObjectNode event = tree(TRIGGER);
        event.remove("dedup_key");
        PagerDutyEvent first = PagerDutyEvent.read(event);
        PagerDutyEvent again = PagerDutyEvent.read(event.deepCopy());
        assertTrue(first.dedupKey().matches("[0-9a-f]{32}"), first.dedupKey());
        assertEquals(first.dedupKey(), again.dedupKey());
        assertEquals("pagerduty:" + first.dedupKey(), one(first).fingerprint());
        ((ObjectNode) event.get("payload")).put("summary", "Another alert on host1.example.com");
        assertTrue(!PagerDutyEvent.read(event).dedupKey().equals(first.dedupKey()), "another event, another key");
    }

    @Test
    void aResolveResolvesTheTriggersFingerprintWithoutAPayload() {
        PagerDutyEvent event = PagerDutyEvent.read(tree(RESOLVE));
        ProbeResult resolved = one(event);
        assertEquals(AlertStatus.RESOLVED, resolved.status());
        assertEquals(one(PagerDutyEvent.read(tree(TRIGGER))).fingerprint(), resolved.fingerprint());
        assertEquals("unknown", resolved.resource());
        assertEquals("alert", resolved.check());
        assertNull(resolved.observedAt(), "the time of receipt");
        assertEquals("samplekeyhere", event.dedupKey());
    }

    @Test
    void aResolveWithAPayloadIsReadButNotHeldToTheTriggersRules() {
        ObjectNode resolve = tree(RESOLVE);
        resolve.putObject("payload").put("source", "host1.example.com").put("severity", "whatever");
        ProbeResult resolved = one(PagerDutyEvent.read(resolve));
        assertEquals("host1.example.com", resolved.resource());
        assertEquals(Severity.INFO, resolved.severity());
    }

    @Test
    void anAcknowledgementIsTakenAndPublishesNothing() {
        PagerDutyEvent event = PagerDutyEvent.read(tree(ACKNOWLEDGE));
        assertTrue(event.results().isEmpty());
        assertEquals("samplekeyhere", event.dedupKey());
    }

    @Test
    void dedupKeysAFingerprintCannotHoldAreHashedTheSameEveryTime() {
        String key = "srv01/HTTP check " + "x".repeat(200);
        String fingerprint = PagerDutyEvent.fingerprintOf(key);
        assertTrue(fingerprint.matches("pagerduty:sha-[0-9a-f]{32}"), fingerprint);
        assertEquals(fingerprint, PagerDutyEvent.fingerprintOf(key));
        assertEquals(fingerprint, one(PagerDutyEvent.read(tree(RESOLVE).put("dedup_key", key))).fingerprint());
    }

    @Test
    void eachMissingRequiredMemberIsNamedByItsPath() {
        ObjectNode empty = tree("{\"event_action\": \"trigger\", \"payload\": {}}");
        assertEquals(List.of("payload.summary", "payload.source", "payload.severity"), fields(empty));
        assertEquals(List.of("payload.summary", "payload.source", "payload.severity"),
                fields(tree("{\"event_action\": \"trigger\"}")));
        assertEquals(List.of("event_action"), fields(tree("{\"dedup_key\": \"k\"}")));
        assertEquals(List.of("dedup_key"), fields(tree("{\"event_action\": \"resolve\"}")));
        assertEquals(List.of("dedup_key"), fields(tree("{\"event_action\": \"acknowledge\", \"dedup_key\": \" \"}")));
        assertEquals(List.of("payload.source"), fields(withPayload("source", "  ")));
    }

    @Test
    void wrongTypesAndUnknownActionsAreRefusedNamingTheMember() {
        assertEquals(List.of("event_action"), fields(tree(TRIGGER).put("event_action", "escalate")));
        assertEquals(List.of("event_action"), fields(tree(TRIGGER).put("event_action", 1)));
        assertEquals(List.of("payload"), fields(tree(TRIGGER).put("payload", "summary")));
        assertEquals(List.of("payload.summary"), fields(withPayload("summary", 42)));
        assertEquals(List.of("dedup_key"), fields(tree(TRIGGER).put("dedup_key", "k".repeat(256))));
        assertEquals(List.of("dedup_key"), fields(tree(ACKNOWLEDGE).put("dedup_key", "k\ud800")));
        assertEquals(List.of("links"), fields(tree(TRIGGER).put("links", "https://example.com/")));
        assertEquals(List.of("client"), fields(tree(TRIGGER).put("client", true)));
        assertEquals(List.of("$"), fields(Json.mapper().createArrayNode()));
        assertEquals(List.of("payload.custom_details"),
                fields(withPayload("custom_details", Map.of("note", "a\u0000b"))));
        assertThrows(InvalidInputException.class, () -> PagerDutyEvent.routingKey(tree(TRIGGER).put("routing_key", 7)));
        assertEquals(Optional.of("vik_samplekeyhere"), PagerDutyEvent.routingKey(tree(TRIGGER)));
        assertEquals(Optional.empty(), PagerDutyEvent.routingKey(tree(ACKNOWLEDGE).put("routing_key", "")));
    }

    @Test
    void longTextIsShortenedAndAnUnreadableTimestampIsKeptAsSent() {
        ObjectNode event = withPayload("summary", "s".repeat(2000));
        ((ObjectNode) event.get("payload")).put("source", "h".repeat(300)).put("timestamp", "last tuesday");
        ProbeResult alert = one(PagerDutyEvent.read(event));
        assertEquals(1024, alert.summary().length());
        assertEquals(255, alert.resource().length());
        assertNull(alert.observedAt());
        assertEquals("last tuesday", alert.annotations().get("pagerduty_timestamp"));
    }

    private static ProbeResult one(PagerDutyEvent event) {
        assertEquals(1, event.results().size());
        return event.results().get(0);
    }

    private static ObjectNode withPayload(String member, Object value) {
        ObjectNode event = tree(TRIGGER);
        ((ObjectNode) event.get("payload")).set(member, Json.mapper().valueToTree(value));
        return event;
    }

    private static List<String> fields(com.fasterxml.jackson.databind.JsonNode event) {
        return assertThrows(InvalidInputException.class, () -> PagerDutyEvent.read(event)).violations().stream()
                .map(InvalidInputException.Violation::field).toList();
    }

    static ObjectNode tree(String json) {
        try {
            return (ObjectNode) Json.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
