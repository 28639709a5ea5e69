package dev.vigil.runbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.contracts.IncidentChange;
import dev.vigil.contracts.IncidentDecision;
import dev.vigil.contracts.IncidentEvent;
import dev.vigil.contracts.IncidentStatus;
import dev.vigil.contracts.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RunbookMatcherTest {
    private static final String TENANT = "acme";

    @Test
    void runbookMatchesWhenEveryMatcherEqualsTheIncident() {
        Runbook runbook = runbook(TENANT, Map.of("check", "http", "env", "prod", "severity", "critical"));

        assertEquals(List.of(runbook), RunbookMatcher.matching(incident(TENANT, Map.of("env", "prod", "team", "web")),
                List.of(runbook)));
    }

    @Test
    void aSharedRunbookAppliesOnlyWhenNoneOfTheTenantsOwnMatches() {
        Runbook shared = runbook(Runbook.SHARED, Map.of("check", "http"));
        Runbook ownForHttp = runbook(TENANT, Map.of("check", "http"));
        Runbook ownForDisk = runbook(TENANT, Map.of("check", "disk"));
        Runbook othersForHttp = runbook("globex", Map.of("check", "http"));

        assertEquals(List.of(shared), RunbookMatcher.matching(incident(TENANT, Map.of()),
                List.of(shared, ownForDisk, othersForHttp)), "nothing of its own matches: the shared one");
        assertEquals(List.of(ownForHttp), RunbookMatcher.matching(incident(TENANT, Map.of()),
                List.of(shared, ownForHttp, ownForDisk)), "its own replaces the shared one");
    }

    @Test
    void oneDifferingMatcherIsEnoughToSkipTheRunbook() {
        Runbook runbook = runbook(TENANT, Map.of("check", "http", "env", "staging"));

        assertTrue(RunbookMatcher.matching(incident(TENANT, Map.of("env", "prod")), List.of(runbook)).isEmpty());
    }

    @Test
    void aMatcherOnALabelTheIncidentLacksDoesNotMatch() {
        Runbook runbook = runbook(TENANT, Map.of("check", "http", "datacenter", "fra1"));

        assertTrue(RunbookMatcher.matching(incident(TENANT, Map.of("env", "prod")), List.of(runbook)).isEmpty());
    }

    @Test
    void identityFieldsAreMatchableAsVirtualLabels() {
        Runbook bySource = runbook(TENANT, Map.of("source", "prometheus"));
        Runbook byResource = runbook(TENANT, Map.of("resource", "web-1"));
        Runbook bySeverity = runbook(TENANT, Map.of("severity", "critical"));
        Runbook byWrongSeverity = runbook(TENANT, Map.of("severity", "minor"));

        assertEquals(List.of(bySource, byResource, bySeverity), RunbookMatcher.matching(incident(TENANT, Map.of()),
                List.of(bySource, byResource, bySeverity, byWrongSeverity)));
    }

    @Test
    void identityFieldsShadowLabelsOfTheSameName() {
        Runbook byLabelledCheck = runbook(TENANT, Map.of("check", "disk"));

        assertTrue(RunbookMatcher.matching(incident(TENANT, Map.of("check", "disk")), List.of(byLabelledCheck))
                .isEmpty());
    }

    @Test
    void anotherTenantsRunbookNeverMatches() {
        Runbook foreign = runbook("globex", Map.of("check", "http"));

        assertTrue(RunbookMatcher.matching(incident(TENANT, Map.of()), List.of(foreign)).isEmpty());
    }

    @Test
    void aRunbookWithoutMatchersMatchesNothing() {
        Runbook catchAll = runbook(TENANT, Map.of());

        assertTrue(RunbookMatcher.matching(incident(TENANT, Map.of()), List.of(catchAll)).isEmpty());
    }

    @Test
    void everyMatchingRunbookIsReturnedInCatalogOrder() {
        Runbook first = runbook(TENANT, Map.of("check", "http"));
        Runbook other = runbook(TENANT, Map.of("check", "ping"));
        Runbook second = runbook(TENANT, Map.of("env", "prod"));

        assertEquals(List.of(first, second), RunbookMatcher.matching(incident(TENANT, Map.of("env", "prod")),
                List.of(first, other, second)));
    }

    private static Runbook runbook(String tenant, Map<String, String> match) {
        return new Runbook(UUID.randomUUID(), tenant, 1, "runbook " + match, null, match,
                List.of(new RunbookStep(1, null, StepKind.CHECK, "look", null, null, false, false, false,
                        Map.of(), null)),
                "supervisor@" + tenant, Instant.EPOCH, Instant.EPOCH);
    }

    private static IncidentEvent incident(String tenant, Map<String, String> labels) {
        Instant now = Instant.now();
        return new IncidentEvent(UUID.randomUUID(), IncidentChange.CONFIRMED, tenant, UUID.randomUUID(),
                IncidentStatus.CONFIRMED, "fp", "prometheus", "web-1", "http", Severity.CRITICAL, "web-1 down", labels,
                1, now, now, null, IncidentDecision.NONE.confirmed("operator@acme", now, null, true), "operator@acme",
                null);
    }
}
