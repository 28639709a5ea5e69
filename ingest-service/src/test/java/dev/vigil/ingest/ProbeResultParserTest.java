package dev.vigil.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.contracts.Json;
import dev.vigil.contracts.Severity;
import dev.vigil.platform.validation.InvalidInputException;
import dev.vigil.platform.validation.InvalidInputException.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProbeResultParserTest {
    private static final String GOOD = "{\"source\":\"nagios\",\"resource\":\"web-01\",\"check\":\"http\","
            + "\"severity\":\"critical\"}";

    @Test
    void anAlertWithoutSummaryIsSummarizedFromCheckAndResource() {
        List<ProbeResult> results = ProbeResultParser.parse(tree(GOOD), 10);

        assertEquals(1, results.size());
        assertEquals(Severity.CRITICAL, results.get(0).severity());
        assertEquals("http on web-01", results.get(0).summary());
    }

    @Test
    void everyBadFieldOfEveryElementIsNamedAtOnce() {
        String bad = "{\"source\":\"nagios\",\"resource\":\"web-02\",\"check\":\"http\",\"severity\":\"catastrophic\","
                + "\"status\":\"exploded\"}";

        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> ProbeResultParser.parse(tree("[" + GOOD + "," + bad + "]"), 10));

        assertEquals(List.of("[1].severity", "[1].status"),
                refused.violations().stream().map(Violation::field).toList());
    }

    @Test
    void anEmptyArrayIsRefusedNamingTheBody() {
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> ProbeResultParser.parse(tree("[]"), 10));

        assertEquals(List.of(new Violation("$", "must hold at least one alert")), refused.violations());
    }

    @Test
    void moreAlertsThanTheLimitAreRefusedWhole() {
        TooManyAlertsException refused = assertThrows(TooManyAlertsException.class,
                () -> ProbeResultParser.parse(tree("[" + GOOD + "," + GOOD + "," + GOOD + "]"), 2));

        assertEquals(2, refused.limit());
        assertEquals(3, refused.count());
    }

    private static JsonNode tree(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
