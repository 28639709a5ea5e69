package dev.vigil.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.contracts.IncidentChange;
import dev.vigil.contracts.IncidentStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IncidentLifeTest {
    private static final Instant NOW = TriagePolicyTest.T0.plusSeconds(120);
    private static final List<OperatorAction> ACTIONS = List.of(new OperatorAction.Acknowledge(null),
            new OperatorAction.Confirm("We are on it."), new OperatorAction.Dismiss(DismissReason.NOISE, null, false),
            new OperatorAction.Assign("day-shift", null), new OperatorAction.Comment("Looked at the graphs"));

    @Test
    void everyActionIsAllowedExactlyFromItsStatesAndRefusedNamingBothOtherwise() {
        for (IncidentStatus status : IncidentStatus.values()) {
            for (OperatorAction action : ACTIONS) {
                Incident incident = incident().withStatus(status);
                if (action.allowedFrom().contains(status)) {
                    Changes result = act(incident, action);
                    assertEquals(action.change(), result.events().get(0).change(), status + " " + action);
                } else {
                    TransitionRefused refused = assertThrows(TransitionRefused.class, () -> act(incident, action),
                            status + " " + action);
                    assertTrue(refused.getMessage().startsWith("The incident is " + status.wireName()
                            + "; it cannot be " + action.pastParticiple()), refused.getMessage());
                }
            }
        }
    }

    @Test
    void theLegalMovesAreThoseOfTheIncidentsLife() {
        assertEquals(List.of(IncidentStatus.OPEN), List.copyOf(new OperatorAction.Acknowledge(null).allowedFrom()));
        assertTrue(new OperatorAction.Confirm(null).allowedFrom().contains(IncidentStatus.DISMISSED),
                "a live dismissed incident may still be confirmed: the customer heard nothing yet");
        assertTrue(!new OperatorAction.Dismiss(DismissReason.NOISE, null, false).allowedFrom()
                .contains(IncidentStatus.CONFIRMED), "the customer has been told of a confirmed incident");
        assertTrue(!new OperatorAction.Assign("x", null).allowedFrom().contains(IncidentStatus.RESOLVED));
    }

    @Test
    void confirmingRecordsWhoAndWhenClearsTheDeadlineAndCarriesTheCustomerNote() {
        Incident acknowledged = act(incident(), new OperatorAction.Acknowledge(null)).incidents().get(0);
        Changes result = act(acknowledged, new OperatorAction.Confirm("We are restarting the server."));

        Incident confirmed = result.incidents().get(0);
        assertEquals(IncidentStatus.CONFIRMED, confirmed.status());
        assertEquals("night-shift", confirmed.decision().acknowledgedBy());
        assertEquals("night-shift", confirmed.decision().confirmedBy());
        assertEquals(NOW, confirmed.decision().confirmedAt());
        assertEquals(null, confirmed.decision().decisionDueAt());
        assertEquals("We are restarting the server.", result.events().get(0).decision().customerNote());
        TimelineEntry line = result.timeline().get(0);
        assertEquals(List.of("night-shift", "confirmed", "acknowledged", "confirmed"),
                List.of(line.actor(), line.kind(), line.from().wireName(), line.to().wireName()));
    }

    @Test
    void aDismissalCanAskForARule() {
        Changes result = act(incident(), new OperatorAction.Dismiss(DismissReason.PLANNED_WORK, "patch night", true));

        assertEquals(IncidentStatus.DISMISSED, result.incidents().get(0).status());
        assertEquals("planned-work", result.incidents().get(0).decision().dismissReason());
        assertEquals("planned-work: patch night", result.events().get(0).note());
        assertEquals(DismissReason.PLANNED_WORK, result.suggestion().orElseThrow().reason());
    }

    @Test
    void anUndecidedIncidentEscalatesOnceAndADecidedOneNever() {
        Incident open = incident();
        Changes escalated = IncidentLife.escalate(open, NOW);
        assertEquals(List.of(IncidentChange.ESCALATED), escalated.events().stream().map(e -> e.change()).toList());

        Incident after = escalated.incidents().get(0);
        assertTrue(IncidentLife.escalate(after, NOW.plusSeconds(1)).isEmpty(), "escalated once");
        Incident confirmed = act(open, new OperatorAction.Confirm(null)).incidents().get(0);
        assertTrue(IncidentLife.escalate(confirmed, NOW).isEmpty(), "decided in time");
        assertEquals(IncidentLife.escalate(open, NOW).events().get(0).eventId(), escalated.events().get(0).eventId(),
                "a second replica firing the same deadline emits the same event id");
    }

    private static Changes act(Incident incident, OperatorAction action) {
        return IncidentLife.act(incident, action, "night-shift", TenantPolicy.DEFAULT, UUID.randomUUID(), NOW);
    }

    private static Incident incident() {
        return TriageMemory.raisingAtOnce().apply(TriagePolicyTest.firing("web", 0)).incidents().get(0);
    }
}
