package dev.vigil.notify;

import dev.vigil.contracts.CloudEventHeaders;
import dev.vigil.contracts.IncidentChange;
import dev.vigil.contracts.IncidentDecision;
import dev.vigil.contracts.IncidentEvent;
import dev.vigil.contracts.IncidentStatus;
import dev.vigil.contracts.Json;
import dev.vigil.contracts.Keys;
import dev.vigil.contracts.Severity;
import dev.vigil.contracts.Topics;
import dev.vigil.testsupport.TestInfra;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Incident events as triage publishes them through the decision gate, produced straight onto
 * {@link Topics#INCIDENTS}: an incident opens awaiting a decision, and a person confirms or dismisses it.
 */
public final class TestIncidents {
    /** Who decides in these events; a name that must never reach a customer. */
    public static final String OPERATOR = "kenji.operator";
    public static final Duration DECISION_WINDOW = Duration.ofMinutes(10);

    private TestIncidents() {
    }

    /** A new incident nobody has decided on yet; it escalates at the end of the decision window. */
    public static IncidentEvent awaitingDecision(String tenant, UUID incidentId) {
        return event(IncidentChange.OPENED, IncidentStatus.OPEN, undecided(), tenant, incidentId);
    }

    /** Confirmed by an operator; the tenant has its customer hear of the recovery. */
    public static IncidentEvent confirmed(String tenant, UUID incidentId) {
        return event(IncidentChange.CONFIRMED, IncidentStatus.CONFIRMED, confirmedDecision(true, null), tenant,
                incidentId);
    }

    /** The end of an incident that was decided as {@code decision} says. */
    public static IncidentEvent resolved(String tenant, UUID incidentId, IncidentDecision decision) {
        return event(IncidentChange.RESOLVED, IncidentStatus.RESOLVED, decision, tenant, incidentId);
    }

    public static IncidentEvent event(IncidentChange change, IncidentStatus status, IncidentDecision decision,
            String tenant, UUID incidentId) {
        Instant opened = Instant.now().minusSeconds(120);
        return new IncidentEvent(UUID.randomUUID(), change, tenant, incidentId, status, "fp-" + incidentId,
                "prometheus", "web-01", "http", Severity.CRITICAL, "HTTP probe failed", Map.of("region", "eu-west"), 3,
                opened, Instant.now(), change == IncidentChange.RESOLVED ? Instant.now() : null, decision, OPERATOR,
                null);
    }

    public static IncidentDecision undecided() {
        return IncidentDecision.NONE.dueAt(Instant.now().plus(DECISION_WINDOW));
    }

    public static IncidentDecision confirmedDecision(boolean reportRecovery, String customerNote) {
        return undecided().acknowledged(OPERATOR, Instant.now().minusSeconds(30))
                .confirmed(OPERATOR, Instant.now(), customerNote, reportRecovery);
    }

    public static IncidentDecision dismissedDecision() {
        return undecided().dismissed(OPERATOR, Instant.now(), "noise");
    }

    public static void publish(IncidentEvent event) {
        TestInfra.produce(Topics.INCIDENTS, Keys.incident(event.tenant(), event.incidentId()), Json.write(event),
                Map.of("ce_specversion", "1.0",
                        CloudEventHeaders.ID, event.eventId().toString(),
                        CloudEventHeaders.TYPE, event.eventType(),
                        CloudEventHeaders.SOURCE, "urn:vigil:triage",
                        CloudEventHeaders.TENANT, event.tenant(),
                        "content-type", "application/json"));
    }

    public static String newTenant() {
        return "t-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
