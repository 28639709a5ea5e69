package dev.vigil.triage.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vigil.contracts.Json;
import dev.vigil.platform.problem.Problem;
import dev.vigil.platform.problem.ProblemException;
import dev.vigil.triage.rules.Matcher;
import dev.vigil.triage.rules.TriageRules;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What a PUT body becomes, and what it is refused for: every field named by its path, with what is wrong. */
class RulesRequestTest {

    @Test
    void anEmptyDocumentIsTheDefaults() throws Exception {
        assertEquals(TriageRules.DEFAULT, read("{}").toRules(TriageRules.DEFAULT));
        assertEquals(TriageRules.DEFAULT, read("{\"groupBy\": null, \"flap\": {}}").toRules(TriageRules.DEFAULT));
    }

    @Test
    void theDefaultsAsViewedArePutBackUnchanged() throws Exception {
        String shown = Json.write(RulesView.Rules.of(TriageRules.DEFAULT));

        assertEquals(TriageRules.DEFAULT, read(shown).toRules(TriageRules.DEFAULT), shown);
    }

    @Test
    void aThresholdMayCountFiringsOrTimeThemOrBoth() throws Exception {
        TriageRules rules = read("{\"thresholds\": [{\"name\": \" counted \", \"occurrences\": 1000, \"within\":"
                + " \"PT24H\"}, {\"name\": \"timed\", \"firingFor\": \"PT1S\"}, {\"name\": \"both\","
                + " \"matchers\": [{\"label\": \"env\", \"op\": \"=\", \"value\": \"\"}], \"occurrences\": 1,"
                + " \"within\": \"PT1S\", \"firingFor\": \"PT1M\"}]}").toRules(TriageRules.DEFAULT);

        assertEquals(List.of(
                new TriageRules.Threshold("counted", List.of(), 1000, Duration.ofHours(24), null),
                new TriageRules.Threshold("timed", List.of(), null, null, Duration.ofSeconds(1)),
                new TriageRules.Threshold("both", List.of(Matcher.equal("env", "")), 1, Duration.ofSeconds(1),
                        Duration.ofMinutes(1))), rules.thresholds());
    }

    @Test
    void theBoundsThemselvesAreAccepted() throws Exception {
        TriageRules rules = read("{\"groupWindow\": \"PT24H\", \"flap\": {\"results\": 2, \"window\": \"P7D\","
                + " \"high\": 1, \"low\": 0}, \"timeouts\": [{\"name\": \"a\", \"after\": \"PT1M\"},"
                + " {\"name\": \"b\", \"after\": \"P30D\"}]}").toRules(TriageRules.DEFAULT);

        assertEquals(Duration.ofHours(24), rules.groupWindow());
        assertEquals(new TriageRules.Flap(2, Duration.ofDays(7), 1.0, 0.0), rules.flap());
        assertEquals(Duration.ofDays(30), rules.timeouts().get(1).after());
        assertEquals(Duration.ZERO, read("{\"groupWindow\": \"PT0S\"}").toRules(TriageRules.DEFAULT).groupWindow());
    }

    @Test
    void justOutsideEachBoundIsRefusedWithTheBoundNamed() throws Exception {
        Map<String, String> errors = errors("{\"groupWindow\": \"PT24H0.001S\", \"thresholds\": [{\"name\": \"t\","
                + " \"occurrences\": 1001, \"within\": \"PT0.5S\", \"firingFor\": \"-PT1M\"}], \"flap\":"
                + " {\"results\": 1, \"window\": \"P7DT1S\", \"high\": 0, \"low\": -0.5},"
                + " \"timeouts\": [{\"name\": \"t\", \"after\": \"P31D\"}]}");

        assertEquals(Map.of(
                "groupWindow", "must be an ISO-8601 duration from PT0S to PT24H",
                "thresholds[0].occurrences", "must be from 1 to 1000",
                "thresholds[0].within", "must be an ISO-8601 duration from PT1S to PT24H",
                "thresholds[0].firingFor", "must be an ISO-8601 duration from PT1S to PT24H",
                "flap.results", "must be from 2 to 50",
                "flap.window", "must be an ISO-8601 duration from PT1M to P7D",
                "flap.high", "must be above 0 and at most 1",
                "flap.low", "must be at least 0 and below 1",
                "timeouts[0].after", "must be an ISO-8601 duration from PT1M to P30D"), errors);
    }

    @Test
    void aMatcherIsNamedDownToItsFieldInEveryKindOfRule() throws Exception {
        Map<String, String> errors = errors("{\"thresholds\": [{\"name\": \"a\", \"firingFor\": \"PT1M\","
                + " \"matchers\": [{\"label\": \"env\", \"op\": \"==\", \"value\": \"prod\"}]}],"
                + " \"timeouts\": [{\"name\": \"b\", \"after\": \"PT1H\", \"matchers\": [null,"
                + " {\"label\": \"check\", \"op\": \"=~\", \"value\": \"*disk\"}]}],"
                + " \"inhibitions\": [{\"name\": \"c\", \"source\": [{\"op\": \"=\", \"value\": \"x\"}],"
                + " \"target\": [{\"label\": \"check\", \"op\": \"!~\"}], \"equal\": [null]}]}");

        assertEquals(List.of("inhibitions[0].equal[0]", "inhibitions[0].source[0].label",
                "inhibitions[0].target[0].value", "thresholds[0].matchers[0].op", "timeouts[0].matchers[0]",
                "timeouts[0].matchers[1].value"), errors.keySet().stream().sorted().toList());
        assertEquals("must be one of =, !=, =~, !~", errors.get("thresholds[0].matchers[0].op"));
        assertEquals("is not a valid regular expression: Dangling meta character '*'",
                errors.get("timeouts[0].matchers[1].value"));
    }

    @Test
    void namesAreRequiredAndUniqueWithinTheirListButMayRepeatAcrossLists() throws Exception {
        Map<String, String> errors = errors("{\"thresholds\": [{\"name\": \"x\", \"firingFor\": \"PT1M\"},"
                + " {\"name\": \" x\", \"firingFor\": \"PT1M\"}, {\"name\": \"\", \"firingFor\": \"PT1M\"}],"
                + " \"timeouts\": [{\"name\": \"x\", \"after\": \"PT1H\"}, {\"after\": \"PT1H\"}],"
                + " \"inhibitions\": [{\"name\": \"x\", \"source\": [{\"label\": \"a\", \"op\": \"=\", \"value\":"
                + " \"b\"}], \"target\": [{\"label\": \"a\", \"op\": \"!=\", \"value\": \"b\"}]}]}");

        assertEquals(Map.of("thresholds[1].name", "repeats the name of thresholds[0]",
                "thresholds[2].name", "is required", "timeouts[1].name", "is required"), errors);
    }

    @Test
    void oversizedDocumentsAreRefusedBeforeTheyAreEvaluated() throws Exception {
        String manyLabels = Json.write(Collections.nCopies(RulesRequest.MOST_LABELS + 1, "l"));
        String manyTimeouts = Json.write(Collections.nCopies(RulesRequest.MOST_RULES + 1,
                Map.of("name", "t", "after", "PT1H")));
        String longValue = "x".repeat(RulesRequest.LONGEST_VALUE + 1);

        Map<String, String> errors = errors("{\"groupBy\": " + manyLabels + ", \"timeouts\": " + manyTimeouts
                + ", \"thresholds\": [{\"name\": \"" + "n".repeat(RulesRequest.LONGEST_NAME + 1) + "\","
                + " \"firingFor\": \"PT1M\", \"matchers\": [{\"label\": \"l\", \"op\": \"=\", \"value\": \""
                + longValue + "\"}]}]}");

        assertEquals(List.of("groupBy", "thresholds[0].matchers[0].value", "thresholds[0].name", "timeouts"),
                errors.keySet().stream().sorted().toList());
    }

    @Test
    void notANumberIsNoFlapShare() throws Exception {
        assertEquals(List.of("flap.high", "flap.low"), errors("{\"flap\": {\"high\": \"NaN\", \"low\": \"NaN\"}}")
                .keySet().stream().sorted().toList());
        assertEquals(List.of("flap.low"), List.copyOf(errors("{\"flap\": {\"low\": \"NaN\"}}").keySet()));
    }

    private static RulesRequest read(String json) throws Exception {
        return Json.read(json, RulesRequest.class);
    }

    private static Map<String, String> errors(String json) throws Exception {
        RulesRequest request = read(json);
        ProblemException refused = assertThrows(ProblemException.class, () -> request.toRules(TriageRules.DEFAULT));
        return refused.toProblem().errors().stream()
                .collect(Collectors.toMap(Problem.FieldError::field, Problem.FieldError::message));
    }
}
