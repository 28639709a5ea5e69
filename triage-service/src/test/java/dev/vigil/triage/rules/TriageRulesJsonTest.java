package dev.vigil.triage.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.contracts.Json;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rules as stored and as the triage engine reads them: the contracts mapper, durations as ISO-8601 text. */
class TriageRulesJsonTest {

    @Test
    void theDefaultsReadBackAsWrittenWithIsoDurations() throws Exception {
        String json = Json.write(TriageRules.DEFAULT);

        JsonNode tree = Json.mapper().readTree(json);
        assertEquals("PT5M", tree.get("groupWindow").asText(), json);
        assertEquals("PT5M", tree.at("/thresholds/0/firingFor").asText(), json);
        assertEquals("PT1H", tree.at("/flap/window").asText(), json);
        assertEquals("=~", tree.at("/inhibitions/0/source/0/op").asText(), json);
        assertEquals(TriageRules.DEFAULT, Json.read(json, TriageRules.class));
    }

    @Test
    void everyKindOfRuleReadsBackAsSavedAndItsMatchersStillMatch() throws Exception {
        TriageRules rules = new TriageRules(4, List.of("resource", "env"), Duration.ofMinutes(10),
                List.of(new TriageRules.Threshold("disks-slowly", List.of(Matcher.equal("check", "disk"),
                                new Matcher("env", Matcher.Op.NOT_EQUAL, "lab")), 5, Duration.ofMinutes(15), null),
                        new TriageRules.Threshold("keeps-firing", List.of(), null, null, Duration.ofSeconds(90))),
                new TriageRules.Flap(20, Duration.ofDays(2), 0.5, 0.0),
                List.of(new TriageRules.Timeout("stale-cloudwatch", List.of(Matcher.equal("source", "cloudwatch")),
                        Duration.ofDays(30))),
                List.of(new TriageRules.Inhibition("switch-down", List.of(Matcher.matches("check", "switch.*")),
                        List.of(Matcher.notMatches("check", "switch.*")), List.of("site"))));

        String json = Json.write(rules);
        TriageRules read = Json.read(json, TriageRules.class);

        assertEquals(rules, read, json);
        assertTrue(json.contains("\"within\":\"PT15M\"") && json.contains("\"firingFor\":\"PT1M30S\"")
                && json.contains("\"after\":\"PT720H\"") && json.contains("\"window\":\"PT48H\""), json);
        assertTrue(json.contains("\"op\":\"!=\"") && json.contains("\"op\":\"!~\""), json);
        Map<String, String> switchAlert = Map.of("check", "switch-port", "site", "fra1");
        Map<String, String> hostAlert = Map.of("check", "http", "site", "fra1");
        assertTrue(read.inhibitions().get(0).inhibits(switchAlert, hostAlert), "regex matchers compiled on reading");
        assertFalse(read.inhibitions().get(0).inhibits(switchAlert, Map.of("check", "http", "site", "ams2")));
    }

    @Test
    void aStoredMatcherWithAnUnknownOpOrABadRegexIsNotRead() {
        String unknownOp = "{\"label\":\"env\",\"op\":\"~=\",\"value\":\"prod\"}";
        String badRegex = "{\"label\":\"env\",\"op\":\"=~\",\"value\":\"(prod\"}";

        assertThrows(JsonProcessingException.class, () -> Json.read(unknownOp, Matcher.class));
        assertThrows(JsonProcessingException.class, () -> Json.read(badRegex, Matcher.class));
    }
}
