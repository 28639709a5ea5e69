package dev.vigil.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.contracts.IncidentChange;
import dev.vigil.contracts.IncidentDecision;
import dev.vigil.contracts.IncidentEvent;
import dev.vigil.contracts.IncidentStatus;
import dev.vigil.contracts.Severity;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AudiencePolicyTest {
    private static final Instant NOW = Instant.parse("2026-11-24T03:15:00Z");
    private static final IncidentDecision UNDECIDED = IncidentDecision.NONE.dueAt(NOW.plusSeconds(600));
    private static final IncidentDecision CONFIRMED_REPORTING = UNDECIDED.confirmed("kenji", NOW, null, true);
    private static final IncidentDecision CONFIRMED_SILENT = UNDECIDED.confirmed("kenji", NOW, null, false);
    private static final IncidentDecision DISMISSED = UNDECIDED.dismissed("kenji", NOW, "noise");

    @Test
    void aConfirmationIsTheCustomersFirstWord() {
        assertEquals(Optional.of(Notice.CONFIRMED),
                notice(IncidentChange.CONFIRMED, IncidentStatus.CONFIRMED, CONFIRMED_REPORTING));
    }

    @Test
    void theCustomerHearsOfTheRecoveryOnlyOfAConfirmedIncidentWhoseTenantWantsIt() {
        assertEquals(Optional.of(Notice.RESOLVED),
                notice(IncidentChange.RESOLVED, IncidentStatus.RESOLVED, CONFIRMED_REPORTING));
        assertEquals(Optional.empty(), notice(IncidentChange.RESOLVED, IncidentStatus.RESOLVED, CONFIRMED_SILENT));
        assertEquals(Optional.empty(), notice(IncidentChange.RESOLVED, IncidentStatus.RESOLVED, DISMISSED));
        assertEquals(Optional.empty(), notice(IncidentChange.RESOLVED, IncidentStatus.RESOLVED, UNDECIDED));
    }

    @Test
    void operatorsHearOfANewIncidentOnlyWhileItAwaitsADecision() {
        assertEquals(Optional.of(Notice.AWAITING_DECISION),
                notice(IncidentChange.OPENED, IncidentStatus.OPEN, UNDECIDED));
        // the tenant's policy confirmed it as it opened: a CONFIRMED event follows for the customer
        assertEquals(Optional.empty(), notice(IncidentChange.OPENED, IncidentStatus.CONFIRMED, CONFIRMED_REPORTING));
    }

    @Test
    void supervisorsHearOfAnEscalation() {
        assertEquals(Optional.of(Notice.ESCALATED),
                notice(IncidentChange.ESCALATED, IncidentStatus.OPEN, UNDECIDED.escalated(NOW.plusSeconds(600))));
    }

    @ParameterizedTest
    @EnumSource(value = IncidentChange.class,
            names = {"UPDATED", "ACKNOWLEDGED", "ASSIGNED", "COMMENTED", "DISMISSED"})
    void theRestOfAnIncidentsLifeTellsNobody(IncidentChange change) {
        assertEquals(Optional.empty(), notice(change, IncidentStatus.OPEN, UNDECIDED));
        assertEquals(Optional.empty(), notice(change, IncidentStatus.CONFIRMED, CONFIRMED_REPORTING));
    }

    @Test
    void aCustomerWhoHearsOfRecoveriesHearsThatTheServiceIsBackWhileItsRunbookIsFinished() {
        assertEquals(Optional.of(Notice.PROGRESS),
                notice(IncidentChange.RECOVERING, IncidentStatus.RECOVERING, CONFIRMED_REPORTING));
        assertEquals(Optional.empty(), notice(IncidentChange.RECOVERING, IncidentStatus.RECOVERING, UNDECIDED),
                "never told of the incident, never told of its progress");
        assertEquals(Optional.empty(), notice(IncidentChange.RECOVERING, IncidentStatus.RECOVERING,
                CONFIRMED_SILENT), "the tenant does not report recoveries");
    }

    @Test
    void eachNoticeHasOneAudience() {
        assertEquals("customer", Notice.PROGRESS.audience().wireName());
        assertEquals("customer", Notice.CONFIRMED.audience().wireName());
        assertEquals("customer", Notice.RESOLVED.audience().wireName());
        assertEquals("operators", Notice.AWAITING_DECISION.audience().wireName());
        assertEquals("supervisors", Notice.ESCALATED.audience().wireName());
    }

    private static Optional<Notice> notice(IncidentChange change, IncidentStatus status, IncidentDecision decision) {
        return AudiencePolicy.noticeOf(new IncidentEvent(UUID.randomUUID(), change, "acme", UUID.randomUUID(), status,
                "fp", "prometheus", "shop-web-01", "http", Severity.CRITICAL, "Shop homepage answers HTTP 503",
                Map.of(), 1, NOW, NOW, change == IncidentChange.RESOLVED ? NOW : null, decision, "kenji", null));
    }
}
