package dev.vigil.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.contracts.IncidentChange;
import dev.vigil.contracts.IncidentDecision;
import dev.vigil.contracts.IncidentEvent;
import dev.vigil.contracts.IncidentStatus;
import dev.vigil.contracts.Json;
import dev.vigil.contracts.Severity;
import dev.vigil.notify.message.Format;
import dev.vigil.notify.message.Language;
import dev.vigil.notify.message.TemplateOverrides;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class WebhookPayloadTest {
    private static final Instant OPENED = Instant.parse("2026-11-24T03:15:00Z");
    private static final Instant DUE = Instant.parse("2026-11-24T03:25:00Z");
    private static final Instant CONFIRMED = Instant.parse("2026-11-24T03:19:00Z");
    private static final Instant RESOLVED = Instant.parse("2026-11-24T03:40:00Z");
    private static final UUID INCIDENT = UUID.fromString("5b0f9a4e-8c1d-4a51-9d0e-0a5c6f1e2b3c");
    private static final String OPERATOR = "kenji.tanaka";
    private static final IncidentDecision UNDECIDED = IncidentDecision.NONE.dueAt(DUE);
    /** Everything the MSP's people did on the way to the confirmation, and a note for the customer. */
    private static final IncidentDecision CONFIRMED_WITH_NOTE = UNDECIDED.acknowledged(OPERATOR, OPENED.plusSeconds(60))
            .confirmed(OPERATOR, CONFIRMED, "  We are restarting the web tier; expect a few minutes of errors. ",
                    true);

    @Test
    void aConfirmationTellsTheCustomerWhatIsFailingInPlainWords() throws Exception {
        JsonNode body = json(Notice.CONFIRMED, event(IncidentChange.CONFIRMED, IncidentStatus.CONFIRMED,
                UNDECIDED.confirmed(OPERATOR, CONFIRMED, null, true)));

        assertEquals("incident.confirmed", body.get("type").asText());
        assertEquals(CONFIRMED.toString(), body.get("timestamp").asText());
        assertEquals("Service problem: shop-web-01", body.at("/data/subject").asText());
        assertEquals("en", body.at("/data/language").asText());
        assertTrue(body.at("/data/message").asText().startsWith("We have confirmed a problem with shop-web-01,"
                + " which started at 24 Nov 2026, 03:15 UTC."), body.toString());
        assertTrue(body.at("/data/message").asText().contains("we will write again as soon as it is working"
                + " normally"), "the tenant reports recoveries: " + body);
        assertEquals(INCIDENT.toString(), body.at("/data/incidentId").asText());
        assertEquals("acme", body.at("/data/tenant").asText());
        assertEquals("confirmed", body.at("/data/status").asText());
        assertEquals("critical", body.at("/data/severity").asText());
        assertEquals(3, body.at("/data/occurrences").asLong());
        assertEquals("eu-west", body.at("/data/labels/region").asText());
        assertFalse(body.get("data").has("customerNote"), "no note was given");
    }

    @Test
    void theOperatorsNoteForTheCustomerFollowsTheMessage() throws Exception {
        JsonNode body = json(Notice.CONFIRMED,
                event(IncidentChange.CONFIRMED, IncidentStatus.CONFIRMED, CONFIRMED_WITH_NOTE));

        assertEquals("We are restarting the web tier; expect a few minutes of errors.",
                body.at("/data/customerNote").asText());
        assertTrue(body.at("/data/message").asText().contains("working to restore it. We are restarting the web tier;"
                + " expect a few minutes of errors.\n"), body.toString());
    }

    @Test
    void theCustomerNeverReadsTheNamesOfTheMspsPeopleOrTheirDeadlines() {
        IncidentDecision everything = CONFIRMED_WITH_NOTE.assignedTo("aiko.sato").escalated(DUE)
                .dismissed("someone.else", RESOLVED, "false-positive");
        for (Notice notice : List.of(Notice.CONFIRMED, Notice.RESOLVED)) {
            for (Format format : everyFormat()) {
            String body = TestMessages.WRITER.incident(notice, event(IncidentChange.CONFIRMED,
                    IncidentStatus.CONFIRMED, everything), format, TemplateOverrides.NONE);

            for (String internal : List.of(OPERATOR, "aiko.sato", "someone.else", "false-positive", "actor",
                    "acknowledgedBy", "confirmedBy", "dismiss", "assignee", "decisionDueAt", "escalatedAt",
                    "a note among")) {
                assertFalse(body.contains(internal), notice + " carries " + internal + ": " + body);
            }
            }
        }
    }

    @Test
    void aResolvedIncidentSaysItRecovered() throws Exception {
        JsonNode body = json(Notice.RESOLVED,
                event(IncidentChange.RESOLVED, IncidentStatus.RESOLVED, CONFIRMED_WITH_NOTE));

        assertEquals("incident.resolved", body.get("type").asText());
        assertEquals(RESOLVED.toString(), body.get("timestamp").asText());
        assertEquals(RESOLVED.toString(), body.at("/data/resolvedAt").asText());
        assertEquals("resolved", body.at("/data/status").asText());
        assertEquals("Resolved: shop-web-01 is working normally", body.at("/data/subject").asText());
        assertTrue(body.at("/data/message").asText().contains("The problem started at 24 Nov 2026, 03:15 UTC and was"
                + " resolved at 24 Nov 2026, 03:40 UTC (25 minutes)."), body.toString());
    }

    @Test
    void operatorsReadWhatIsNewAndByWhenToDecide() throws Exception {
        JsonNode body = json(Notice.AWAITING_DECISION, event(IncidentChange.OPENED, IncidentStatus.OPEN, UNDECIDED));

        assertEquals("incident.awaiting-decision", body.get("type").asText());
        assertEquals(OPENED.toString(), body.get("timestamp").asText());
        assertEquals("Decision needed (critical): shop-web-01 / http for acme", body.at("/data/subject").asText());
        assertTrue(body.at("/data/message").asText().contains("shop-web-01 (http check), \"Shop homepage answers HTTP"
                + " 503\"."), body.toString());
        assertTrue(body.at("/data/message").asText().contains("dismiss it as noise, by 24 Nov 2026, 03:25 UTC."),
                body.toString());
        assertEquals("open", body.at("/data/status").asText());
        assertEquals("critical", body.at("/data/severity").asText());
        assertEquals(OPENED.toString(), body.at("/data/openedAt").asText());
        assertEquals(DUE.toString(), body.at("/data/decisionDueAt").asText());
        assertTrue(body.at("/data/escalatedAt").isNull());
    }

    @Test
    void supervisorsReadHowLongNobodyDecided() throws Exception {
        IncidentDecision escalated = UNDECIDED.assignedTo("aiko.sato").escalated(DUE.plusSeconds(5));

        JsonNode body = json(Notice.ESCALATED, event(IncidentChange.ESCALATED, IncidentStatus.OPEN, escalated));

        assertEquals("incident.escalated", body.get("type").asText());
        assertEquals(DUE.plusSeconds(5).toString(), body.get("timestamp").asText());
        assertTrue(body.at("/data/message").asText().startsWith("The incident on shop-web-01 (http check) for acme is"
                + " still undecided; its decision deadline passed at 24 Nov 2026, 03:25 UTC. It has been open since"
                + " 24 Nov 2026, 03:15 UTC. It is assigned to aiko.sato."), body.toString());
        assertEquals(DUE.toString(), body.at("/data/decisionDueAt").asText());
        assertEquals(DUE.plusSeconds(5).toString(), body.at("/data/escalatedAt").asText());
        assertEquals("aiko.sato", body.at("/data/assignee").asText());
    }

    @Test
    void anEscalationWithoutADeadlineLeavesTheDeadlineOut() throws Exception {
        JsonNode body = json(Notice.ESCALATED,
                event(IncidentChange.ESCALATED, IncidentStatus.OPEN, IncidentDecision.NONE.escalated(DUE)));

        assertTrue(body.at("/data/message").asText().startsWith("The incident on shop-web-01 (http check) for acme is"
                + " still undecided. It has been open since 24 Nov 2026, 03:15 UTC. Nobody is assigned to it."),
                body.toString());
    }

    @Test
    void sameEventAlwaysYieldsTheSameBytes() {
        Map<String, String> labels = Map.of("zone", "b", "app", "shop", "region", "eu-west", "env", "prod");
        IncidentEvent a = event(IncidentChange.CONFIRMED, IncidentStatus.CONFIRMED, CONFIRMED_WITH_NOTE, labels);
        IncidentEvent b = event(IncidentChange.CONFIRMED, IncidentStatus.CONFIRMED, CONFIRMED_WITH_NOTE,
                Map.copyOf(labels));

        for (Notice notice : Notice.values()) {
            for (Format format : everyFormat()) {
                assertEquals(TestMessages.WRITER.incident(notice, a, format, TemplateOverrides.NONE),
                        TestMessages.WRITER.incident(notice, b, format, TemplateOverrides.NONE));
            }
        }
    }

    private static JsonNode json(Notice notice, IncidentEvent event) throws Exception {
        return Json.mapper().readTree(TestMessages.WRITER.incident(notice, event, Format.DEFAULT,
                TemplateOverrides.NONE));
    }

    private static List<Format> everyFormat() {
        List<Format> formats = new ArrayList<>();
        for (Channel channel : Channel.values()) {
            for (Language language : Language.values()) {
                formats.add(new Format(channel, language, ZoneId.of("Asia/Tokyo")));
            }
        }
        return formats;
    }

    private static IncidentEvent event(IncidentChange change, IncidentStatus status, IncidentDecision decision) {
        return event(change, status, decision, Map.of("region", "eu-west"));
    }

    private static IncidentEvent event(IncidentChange change, IncidentStatus status, IncidentDecision decision,
            Map<String, String> labels) {
        return new IncidentEvent(UUID.randomUUID(), change, "acme", INCIDENT, status, "fp-1", "prometheus",
                "shop-web-01", "http", Severity.CRITICAL, "Shop homepage answers HTTP 503", labels, 3, OPENED,
                OPENED.plusSeconds(60), status == IncidentStatus.RESOLVED ? RESOLVED : null, decision, OPERATOR,
                "a note among the MSP's people");
    }
}
