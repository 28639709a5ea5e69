package dev.vigil.notify.messaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.contracts.Audience;
import dev.vigil.contracts.CloudEventHeaders;
import dev.vigil.contracts.ConsumedEvent;
import dev.vigil.contracts.EventTypes;
import dev.vigil.contracts.ExecutionChange;
import dev.vigil.contracts.HandoverOverdueEvent;
import dev.vigil.contracts.Json;
import dev.vigil.contracts.Keys;
import dev.vigil.contracts.RecoveryStepEvent;
import dev.vigil.contracts.RunbookExecutionEvent;
import dev.vigil.contracts.Severity;
import dev.vigil.contracts.Topics;
import dev.vigil.notify.NotifyTestResources;
import dev.vigil.notify.TestEndpoints;
import dev.vigil.notify.TestIncidents;
import dev.vigil.notify.WebhookReceiver;
import dev.vigil.testsupport.TestInfra;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What runbook announces on vigil.runbook, as the people at the end of a webhook read it: the customer hears of
 * each recovery step they follow, once, in their language; the tenant's supervisors hear of handover items nobody
 * took over; the executions' openings and endings, which are triage's, reach nobody and are not parked.
 */
@QuarkusTest
@WithTestResource(value = NotifyTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class RunbookNotificationTest {
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final WebhookReceiver receiver = WebhookReceiver.shared();

    @Inject
    Pool pool;

    private String tenant;
    private String customerPath;
    private String japanesePath;
    private String operatorsPath;
    private String supervisorsPath;

    @BeforeEach
    void tenantWithAnEndpointPerAudience() {
        tenant = TestIncidents.newTenant();
        customerPath = "/" + tenant + "/customer";
        japanesePath = "/" + tenant + "/customer-ja";
        operatorsPath = "/" + tenant + "/operators";
        supervisorsPath = "/" + tenant + "/supervisors";
        TestEndpoints.register(tenant, receiver.url(customerPath));
        TestEndpoints.registerAs(tenant, Map.of("url", receiver.url(japanesePath), "language", "ja",
                "timeZone", "Asia/Tokyo"));
        TestEndpoints.register(tenant, receiver.url(operatorsPath), Audience.OPERATORS);
        TestEndpoints.register(tenant, receiver.url(supervisorsPath), Audience.SUPERVISORS);
    }

    @Test
    void theCustomerHearsOfEachRecoveryStepOnceInTheirLanguage() {
        UUID incident = UUID.randomUUID();
        RecoveryStepEvent step = new RecoveryStepEvent(UUID.randomUUID(), tenant, UUID.randomUUID(), incident,
                "Web tier down", 3, "Restart the web servers one by one", 2, 3, "Confirm that orders go through",
                "shop-web-01", "http", Severity.CRITICAL, "503 from /checkout",
                Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MILLIS),
                Instant.now().truncatedTo(ChronoUnit.MILLIS));

        publish(step, EventTypes.RUNBOOK_STEP_DONE, Keys.incident(tenant, incident));
        publish(step, EventTypes.RUNBOOK_STEP_DONE, Keys.incident(tenant, incident));
        awaitApplied(step.eventId());

        JsonNode english = json(awaitRequests(customerPath, 1).get(0));
        assertEquals("incident.progress", english.get("type").asText());
        assertEquals("Restart the web servers one by one", english.at("/data/stepTitle").asText());
        assertEquals(2, english.at("/data/stepsDone").asInt());
        assertEquals("Update: recovery of shop-web-01, step 2 of 3 done", english.at("/data/subject").asText());
        assertTrue(english.at("/data/message").asText().contains("the next step is: Confirm that orders go"
                + " through."), english.at("/data/message").asText());
        JsonNode japanese = json(awaitRequests(japanesePath, 1).get(0));
        assertEquals("【経過報告】shop-web-01の復旧作業（3工程中2工程完了）", japanese.at("/data/subject").asText());
        assertTrue(japanese.at("/data/message").asText().contains("「Restart the web servers one by one」が完了しました"));
        assertEquals(1, receiver.received(customerPath).size(), "a redelivered step is told once");
        assertTrue(receiver.received(operatorsPath).isEmpty());
        assertTrue(receiver.received(supervisorsPath).isEmpty());
    }

    @Test
    void theSupervisorsHearOfHandoverItemsNobodyTookOverAndNobodyElseDoes() {
        HandoverOverdueEvent overdue = new HandoverOverdueEvent(UUID.randomUUID(), tenant, UUID.randomUUID(),
                "night", "morning", "aiko", Instant.parse("2026-11-26T23:20:00Z"),
                Instant.parse("2026-11-26T23:50:00Z"), List.of(
                        new HandoverOverdueEvent.Item(2, "verification", "Runbook 'DB down' for shop-db-01: step 2"
                                + " 'Restart the database' waits for a second person", "Reported done by aiko"),
                        new HandoverOverdueEvent.Item(5, "note", "Call the customer before 09:00", null)));

        publish(overdue, EventTypes.RUNBOOK_HANDOVER_OVERDUE, Keys.handover(tenant, overdue.handoverId()));
        awaitApplied(overdue.eventId());

        JsonNode told = json(awaitRequests(supervisorsPath, 1).get(0));
        assertEquals("handover.overdue", told.get("type").asText());
        assertEquals(overdue.handoverId().toString(), told.at("/data/handoverId").asText());
        assertEquals("Handover: 2 items for " + tenant + " not taken over", told.at("/data/subject").asText());
        String message = told.at("/data/message").asText();
        assertTrue(message.contains("- 2. Runbook 'DB down' for shop-db-01: step 2 'Restart the database' waits for"
                + " a second person (Reported done by aiko)"), message);
        assertTrue(message.contains("- 5. Call the customer before 09:00\n"), message);
        assertTrue(receiver.received(customerPath).isEmpty(), "the customer never reads the MSP's handovers");
        assertTrue(receiver.received(operatorsPath).isEmpty());
    }

    @Test
    void anExecutionsOpeningIsTriagesAndIsNeitherSentNorParked() {
        UUID incident = UUID.randomUUID();
        RunbookExecutionEvent opened = new RunbookExecutionEvent(UUID.randomUUID(), ExecutionChange.OPENED, tenant,
                UUID.randomUUID(), incident, UUID.randomUUID(), "Web tier down", 3, Instant.now(), "runbook", null,
                Instant.now());
        RecoveryStepEvent after = new RecoveryStepEvent(UUID.randomUUID(), tenant, opened.executionId(), incident,
                "Web tier down", 1, "Check the server", 1, 3, null, null, null, null, null, null, Instant.now());

        publish(opened, opened.eventType(), Keys.incident(tenant, incident));
        publish(after, EventTypes.RUNBOOK_STEP_DONE, Keys.incident(tenant, incident));
        awaitApplied(after.eventId());

        assertFalse(applied(opened.eventId()), "passed over, not applied");
        assertTrue(TestInfra.consume(Topics.DLQ_NOTIFY, Duration.ofSeconds(3), seen -> false).stream()
                .noneMatch(r -> opened.eventId().toString().equals(TestInfra.header(r, CloudEventHeaders.ID))),
                "not parked either");
        assertEquals(1, awaitRequests(customerPath, 1).size());
    }

    private static void publish(ConsumedEvent event, String type, String key) {
        String id = Json.mapper().valueToTree(event).get("eventId").asText();
        TestInfra.produce(Topics.RUNBOOK, key, Json.write(event), Map.of("ce_specversion", "1.0",
                CloudEventHeaders.ID, id,
                CloudEventHeaders.TYPE, type,
                CloudEventHeaders.SOURCE, "urn:vigil:runbook",
                CloudEventHeaders.TENANT, event.tenant(),
                "content-type", "application/json"));
    }

    private void awaitApplied(UUID eventId) {
        await().atMost(DEADLINE).until(() -> applied(eventId));
    }

    private boolean applied(UUID eventId) {
        return pool.preparedQuery("select 1 from inbox where event_id = $1").execute(Tuple.of(eventId)).await()
                .indefinitely().size() == 1;
    }

    private static List<WebhookReceiver.Request> awaitRequests(String path, int count) {
        return receiver.awaitReceived(path, count, DEADLINE);
    }

    private static JsonNode json(WebhookReceiver.Request request) {
        return request.json();
    }
}
