package dev.vigil.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vigil.contracts.AlertStatus;
import dev.vigil.contracts.Severity;
import dev.vigil.platform.validation.InvalidInputException;
import dev.vigil.platform.validation.InvalidInputException.Violation;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertIdsTest {
    private static final ProbeResult FAILING = new ProbeResult("nagios", "web-01", "http", Severity.CRITICAL,
            AlertStatus.FIRING, "HTTP 503", Map.of("env", "prod"), Map.of(), null, null);

    @Test
    void aRetryOfTheSameAlertUnderTheSameKeyGetsTheSameId() {
        assertEquals(AlertIds.forRequest("acme", "run-1").idOf(0, FAILING),
                AlertIds.forRequest("acme", "run-1").idOf(0, copyOf(FAILING)));
    }

    @Test
    void byContentTheSameAlertHasOneIdWhereverItArrivesAndAChangedOneANewId() {
        assertEquals(AlertIds.byContent("acme").idOf(0, FAILING),
                AlertIds.byContent("acme").idOf(3, copyOf(FAILING)), "a resend in another group, at another position");
        assertNotEquals(AlertIds.byContent("acme").idOf(0, FAILING), AlertIds.byContent("globex").idOf(0, FAILING));
        ProbeResult resolved = new ProbeResult("nagios", "web-01", "http", Severity.CRITICAL, AlertStatus.RESOLVED,
                "HTTP 503", Map.of("env", "prod"), Map.of(), null, null);
        assertNotEquals(AlertIds.byContent("acme").idOf(0, FAILING), AlertIds.byContent("acme").idOf(0, resolved));
        assertNotEquals(AlertIds.random("acme").idOf(0, FAILING), AlertIds.random("acme").idOf(0, FAILING));
    }

    @Test
    void aKafkaRecordConsumedAgainGetsTheSameIdsAndAnotherRecordOthers() {
        AlertIds first = AlertIds.ofRecord("acme", "vigil.probe-results-2@118");
        assertEquals(first.idOf(0, FAILING), AlertIds.ofRecord("acme", "vigil.probe-results-2@118").idOf(0,
                copyOf(FAILING)), "after a crash or a rebalance");
        assertNotEquals(first.idOf(0, FAILING), first.idOf(1, FAILING), "two alerts of one record");
        assertNotEquals(first.idOf(0, FAILING), AlertIds.ofRecord("acme", "vigil.probe-results-2@119").idOf(0,
                FAILING), "the agent sent it again: a new occurrence");
    }

    @Test
    void aChangedAlertUnderTheSameKeyGetsANewId() {
        AlertIds ids = AlertIds.forRequest("acme", "run-1");
        ProbeResult otherSummary = new ProbeResult("nagios", "web-01", "http", Severity.CRITICAL, AlertStatus.FIRING,
                "HTTP 500", Map.of("env", "prod"), Map.of(), null, null);
        ProbeResult annotated = new ProbeResult("nagios", "web-01", "http", Severity.CRITICAL, AlertStatus.FIRING,
                "HTTP 503", Map.of("env", "prod"), Map.of("note", "x"), null, null);
        ProbeResult observed = new ProbeResult("nagios", "web-01", "http", Severity.CRITICAL, AlertStatus.FIRING,
                "HTTP 503", Map.of("env", "prod"), Map.of(), Instant.parse("2026-11-25T10:00:00Z"), null);

        assertNotEquals(ids.idOf(0, FAILING), ids.idOf(0, otherSummary));
        assertNotEquals(ids.idOf(0, FAILING), ids.idOf(0, annotated));
        assertNotEquals(ids.idOf(0, FAILING), ids.idOf(0, observed));
    }

    @Test
    void aLabelMovedToTheAnnotationsIsADifferentAlert() {
        AlertIds ids = AlertIds.forRequest("acme", "run-1");
        ProbeResult labelled = new ProbeResult("nagios", "web-01", "http", Severity.CRITICAL, AlertStatus.FIRING,
                "HTTP 503", Map.of("env", "prod"), Map.of(), null, null);
        ProbeResult annotated = new ProbeResult("nagios", "web-01", "http", Severity.CRITICAL, AlertStatus.FIRING,
                "HTTP 503", Map.of(), Map.of("env", "prod"), null, null);

        assertNotEquals(ids.idOf(0, labelled), ids.idOf(0, annotated));
    }

    @Test
    void theSameAlertTwiceInOneRequestCountsTwice() {
        AlertIds ids = AlertIds.forRequest("acme", "run-1");
        assertNotEquals(ids.idOf(0, FAILING), ids.idOf(1, FAILING));
    }

    @Test
    void keysAreScopedToTheTenant() {
        assertNotEquals(AlertIds.forRequest("acme", "run-1").idOf(0, FAILING),
                AlertIds.forRequest("globex", "run-1").idOf(0, FAILING));
    }

    @Test
    void withoutAKeyEveryAcceptanceIsANewOccurrence() {
        AlertIds ids = AlertIds.forRequest("acme", null);
        assertNotEquals(ids.idOf(0, FAILING), ids.idOf(0, FAILING));
    }

    @Test
    void aKeyWithASpaceIsRefusedNamingTheHeader() {
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> AlertIds.forRequest("acme", "run 1"));

        assertEquals(List.of(new Violation("Idempotency-Key", "must be 1-255 visible ASCII characters")),
                refused.violations());
    }

    private static ProbeResult copyOf(ProbeResult r) {
        return new ProbeResult(r.source(), r.resource(), r.check(), r.severity(), r.status(), r.summary(),
                Map.copyOf(r.labels()), Map.copyOf(r.annotations()), r.observedAt(), r.fingerprint());
    }
}
