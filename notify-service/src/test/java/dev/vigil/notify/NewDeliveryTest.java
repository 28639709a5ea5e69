package dev.vigil.notify;

import static dev.vigil.notify.TestMessages.BODIES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.contracts.Audience;
import dev.vigil.contracts.IncidentChange;
import dev.vigil.contracts.IncidentDecision;
import dev.vigil.contracts.IncidentEvent;
import dev.vigil.contracts.IncidentStatus;
import dev.vigil.contracts.Json;
import dev.vigil.contracts.Severity;
import dev.vigil.notify.message.Format;
import dev.vigil.notify.message.Language;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class NewDeliveryTest {
    private static final Instant NOW = Instant.parse("2026-11-24T03:15:00Z");

    private final Recipient customerA = Recipient.of(UUID.randomUUID(), Audience.CUSTOMER);
    private final Recipient customerB = Recipient.of(UUID.randomUUID(), Audience.CUSTOMER);
    private final Recipient operators = Recipient.of(UUID.randomUUID(), Audience.OPERATORS);
    private final Recipient supervisors = Recipient.of(UUID.randomUUID(), Audience.SUPERVISORS);
    private final Map<String, List<Recipient>> endpoints = Map.of(
            "acme", List.of(customerA, operators, customerB, supervisors),
            "other", List.of(Recipient.of(UUID.randomUUID(), Audience.CUSTOMER)));

    @Test
    void aConfirmationGoesToEveryCustomerEndpointOfItsTenantOnly() {
        List<NewDelivery> planned = NewDelivery.plan(Map.of(UUID.randomUUID(), confirmed()), endpoints, BODIES);

        assertEquals(List.of(customerA.endpointId(), customerB.endpointId()),
                planned.stream().map(NewDelivery::endpointId).toList());
        assertTrue(planned.stream().allMatch(d -> d.tenant().equals("acme") && d.audience() == Audience.CUSTOMER
                && d.eventType().equals("incident.confirmed")));
    }

    @Test
    void anIncidentAwaitingADecisionGoesToTheOperatorsEndpointOnly() {
        List<NewDelivery> planned = NewDelivery.plan(Map.of(UUID.randomUUID(), awaitingDecision()), endpoints, BODIES);

        assertEquals(List.of(operators.endpointId()), planned.stream().map(NewDelivery::endpointId).toList());
        assertEquals(Audience.OPERATORS, planned.get(0).audience());
        assertEquals("incident.awaiting-decision", planned.get(0).eventType());
    }

    @Test
    void anEscalationGoesToTheSupervisorsEndpointOnly() {
        IncidentEvent escalated = event(IncidentChange.ESCALATED, IncidentStatus.OPEN,
                IncidentDecision.NONE.dueAt(NOW).escalated(NOW));

        List<NewDelivery> planned = NewDelivery.plan(Map.of(UUID.randomUUID(), escalated), endpoints, BODIES);

        assertEquals(List.of(supervisors.endpointId()), planned.stream().map(NewDelivery::endpointId).toList());
        assertEquals("incident.escalated", planned.get(0).eventType());
    }

    @Test
    void replayedEventPlansTheSameIdsAndBodies() {
        UUID eventId = UUID.randomUUID();
        IncidentEvent confirmed = confirmed();

        assertEquals(NewDelivery.plan(Map.of(eventId, confirmed), endpoints, BODIES),
                NewDelivery.plan(Map.of(eventId, confirmed), endpoints, BODIES));
    }

    @Test
    void eachEndpointGetsTheBodyOfItsChannelAndLanguage() throws Exception {
        Recipient english = Recipient.of(UUID.randomUUID(), Audience.CUSTOMER);
        Recipient alsoEnglish = Recipient.of(UUID.randomUUID(), Audience.CUSTOMER);
        Recipient japaneseSlack = new Recipient(UUID.randomUUID(), Audience.CUSTOMER, Set.of(), null,
                new Format(Channel.SLACK, Language.JA, ZoneId.of("Asia/Tokyo")));
        Recipient email = new Recipient(UUID.randomUUID(), Audience.CUSTOMER, Set.of(), null,
                new Format(Channel.EMAIL, Language.EN, ZoneId.of("Europe/Berlin")));

        List<NewDelivery> planned = NewDelivery.plan(Map.of(UUID.randomUUID(), confirmed()),
                Map.of("acme", List.of(english, alsoEnglish, japaneseSlack, email)), BODIES);

        assertEquals(planned.get(0).payload(), planned.get(1).payload(), "one format, one body");
        JsonNode webhook = Json.mapper().readTree(planned.get(0).payload());
        assertEquals("en", webhook.at("/data/language").asText());
        assertTrue(webhook.at("/data/message").asText().contains("03:15 UTC"), webhook.toString());
        JsonNode slack = Json.mapper().readTree(planned.get(2).payload());
        assertEquals("header", slack.at("/blocks/0/type").asText());
        assertTrue(slack.at("/text").asText().startsWith("【障害】"), slack.toString());
        assertTrue(slack.toString().contains("12:15 JST"), "Tokyo's time: " + slack);
        JsonNode mail = Json.mapper().readTree(planned.get(3).payload());
        assertTrue(mail.at("/html").asText().contains("04:15 CET"), "Berlin's time: " + mail);
        assertTrue(mail.at("/text").asText().startsWith(mail.at("/subject").asText()));
    }

    @Test
    void eventsNobodyHearsOfPlanNothingWhileOthersInTheBatchDo() {
        Map<UUID, IncidentEvent> batch = new LinkedHashMap<>();
        batch.put(UUID.randomUUID(), event(IncidentChange.UPDATED, IncidentStatus.OPEN, IncidentDecision.NONE));
        batch.put(UUID.randomUUID(), event(IncidentChange.DISMISSED, IncidentStatus.DISMISSED,
                IncidentDecision.NONE.dismissed("kenji", NOW, "noise")));
        batch.put(UUID.randomUUID(), confirmed());

        List<NewDelivery> planned = NewDelivery.plan(batch, endpoints, BODIES);

        assertEquals(List.of("incident.confirmed", "incident.confirmed"),
                planned.stream().map(NewDelivery::eventType).toList());
    }

    @Test
    void tenantWithoutEndpointsOfTheAudienceGetsNoDeliveries() {
        assertTrue(NewDelivery.plan(Map.of(UUID.randomUUID(), confirmed()), Map.of(), BODIES).isEmpty());
        assertTrue(NewDelivery.plan(Map.of(UUID.randomUUID(), confirmed()),
                Map.of("acme", List.of(operators, supervisors)), BODIES).isEmpty());
    }

    @Test
    void anEndpointHearsOnlyTheKindsAndSeveritiesItWants() {
        Recipient recoveriesOnly = new Recipient(UUID.randomUUID(), Audience.CUSTOMER, Set.of("incident.resolved"),
                null, Format.DEFAULT);
        Recipient criticalOnly = new Recipient(UUID.randomUUID(), Audience.CUSTOMER, Set.of(), Severity.CRITICAL,
                Format.DEFAULT);
        Recipient majorAndWorse = new Recipient(UUID.randomUUID(), Audience.CUSTOMER, Set.of(), Severity.MAJOR,
                Format.DEFAULT);
        Map<String, List<Recipient>> choosy = Map.of("acme", List.of(recoveriesOnly, criticalOnly, majorAndWorse));

        List<NewDelivery> planned = NewDelivery.plan(Map.of(UUID.randomUUID(), confirmed()), choosy, BODIES);

        assertEquals(List.of(majorAndWorse.endpointId()), planned.stream().map(NewDelivery::endpointId).toList(),
                "a major confirmation: not a recovery, and not critical");
        assertTrue(criticalOnly.wants("incident.confirmed", null), "an incident without a severity is always sent");
    }

    private static IncidentEvent confirmed() {
        return event(IncidentChange.CONFIRMED, IncidentStatus.CONFIRMED,
                IncidentDecision.NONE.confirmed("kenji", NOW, null, true));
    }

    private static IncidentEvent awaitingDecision() {
        return event(IncidentChange.OPENED, IncidentStatus.OPEN, IncidentDecision.NONE.dueAt(NOW.plusSeconds(600)));
    }

    private static IncidentEvent event(IncidentChange change, IncidentStatus status, IncidentDecision decision) {
        return new IncidentEvent(UUID.randomUUID(), change, "acme", UUID.randomUUID(), status, "fp", "zabbix", "db-02",
                "disk", Severity.MAJOR, "disk 95% full", Map.of(), 1, NOW, NOW,
                change == IncidentChange.RESOLVED ? NOW : null, decision, "kenji", null);
    }
}
