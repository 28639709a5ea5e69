package dev.vigil.notify.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.contracts.Audience;
import dev.vigil.contracts.CloudEventHeaders;
import dev.vigil.contracts.EventIds;
import dev.vigil.contracts.EventTypes;
import dev.vigil.contracts.IncidentChange;
import dev.vigil.contracts.IncidentDecision;
import dev.vigil.contracts.IncidentEvent;
import dev.vigil.contracts.IncidentStatus;
import dev.vigil.contracts.Json;
import dev.vigil.contracts.Topics;
import dev.vigil.notify.NotifyTestResources;
import dev.vigil.notify.TestEndpoints;
import dev.vigil.notify.TestIncidents;
import dev.vigil.notify.WebhookReceiver;
import dev.vigil.platform.security.Roles;
import dev.vigil.testsupport.TestInfra;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The decision gate as the people at each end of a webhook notice it: the customer hears of an incident only once
 * someone confirmed it, and of its recovery if the tenant wants that; the MSP's operators hear of incidents to
 * decide on, its supervisors of those nobody decided on in time. Each tenant registers one endpoint per audience,
 * all at the same receiver under different paths.
 *
 * <p>That nothing arrives is checked once notify has applied the event (its inbox holds it): deliveries are planned
 * in that same transaction, so no delivery row by then means nothing will ever be sent.
 */
@QuarkusTest
@WithTestResource(value = NotifyTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class DecisionGateNotificationTest {
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    private static final WebhookReceiver receiver = WebhookReceiver.shared();

    @Inject
    Pool pool;

    private String tenant;
    private String customerPath;
    private String operatorsPath;
    private String supervisorsPath;
    private TestEndpoints.Registered operators;

    @BeforeEach
    void tenantWithAnEndpointPerAudience() {
        tenant = TestIncidents.newTenant();
        customerPath = "/" + tenant + "/customer";
        operatorsPath = "/" + tenant + "/operators";
        supervisorsPath = "/" + tenant + "/supervisors";
        TestEndpoints.register(tenant, receiver.url(customerPath));
        operators = TestEndpoints.register(tenant, receiver.url(operatorsPath), Audience.OPERATORS);
        TestEndpoints.register(tenant, receiver.url(supervisorsPath), Audience.SUPERVISORS);
    }

    @Test
    void theCustomerHearsNothingWhileTheIncidentAwaitsADecisionAndOnceWhenItIsConfirmed() {
        UUID incident = UUID.randomUUID();
        IncidentDecision undecided = TestIncidents.undecided();
        IncidentDecision acknowledged = undecided.acknowledged(TestIncidents.OPERATOR, Instant.now());

        publish(IncidentChange.OPENED, IncidentStatus.OPEN, undecided, incident);
        publish(IncidentChange.UPDATED, IncidentStatus.OPEN, undecided, incident);
        publish(IncidentChange.ACKNOWLEDGED, IncidentStatus.ACKNOWLEDGED, acknowledged, incident);
        publish(IncidentChange.ASSIGNED, IncidentStatus.ACKNOWLEDGED, acknowledged.assignedTo("aiko"), incident);
        publish(IncidentChange.COMMENTED, IncidentStatus.ACKNOWLEDGED, acknowledged, incident);
        publish(IncidentChange.ESCALATED, IncidentStatus.ACKNOWLEDGED, acknowledged.escalated(Instant.now()),
                incident);
        IncidentEvent confirmed = TestIncidents.event(IncidentChange.CONFIRMED, IncidentStatus.CONFIRMED,
                acknowledged.confirmed(TestIncidents.OPERATOR, Instant.now(), "We are restarting the web tier.",
                        true), tenant, incident);
        TestIncidents.publish(confirmed);

        // per endpoint and incident deliveries go out in order: anything planned earlier would have arrived first
        awaitRequests(customerPath, 1);
        awaitApplied(confirmed);
        assertEquals(List.of("incident.confirmed"), types(customerPath));
        WebhookReceiver.Request request = receiver.received(customerPath).get(0);
        assertTrue(json(request).at("/data/message").asText().contains("working to restore it. We are restarting the"
                + " web tier.\n"), request.body());
        assertFalse(request.body().contains(TestIncidents.OPERATOR), "the customer reads no name of the MSP's people");
        assertEquals(List.of("incident.awaiting-decision"), awaitTypes(operatorsPath, 1));
        assertEquals(List.of("incident.escalated"), awaitTypes(supervisorsPath, 1));
    }

    @Test
    void aDismissedIncidentNeverReachesTheCustomer() {
        UUID incident = UUID.randomUUID();
        IncidentDecision dismissed = TestIncidents.dismissedDecision();

        publish(IncidentChange.OPENED, IncidentStatus.OPEN, TestIncidents.undecided(), incident);
        publish(IncidentChange.DISMISSED, IncidentStatus.DISMISSED, dismissed, incident);
        IncidentEvent resolved = TestIncidents.resolved(tenant, incident, dismissed);
        TestIncidents.publish(resolved);

        awaitApplied(resolved);
        assertNothingFor(Audience.CUSTOMER, incident);
        assertEquals(List.of("incident.awaiting-decision"), awaitTypes(operatorsPath, 1));
    }

    @Test
    void theRecoveryOfANeverConfirmedIncidentSendsTheCustomerNothing() {
        UUID incident = UUID.randomUUID();

        publish(IncidentChange.OPENED, IncidentStatus.OPEN, TestIncidents.undecided(), incident);
        IncidentEvent resolved = TestIncidents.resolved(tenant, incident, TestIncidents.undecided());
        TestIncidents.publish(resolved);

        awaitApplied(resolved);
        assertNothingFor(Audience.CUSTOMER, incident);
    }

    @Test
    void theCustomerHearsOfTheRecoveryOfAConfirmedIncidentWhenTheTenantWantsIt() throws Exception {
        UUID incident = UUID.randomUUID();
        IncidentEvent confirmed = TestIncidents.confirmed(tenant, incident);

        TestIncidents.publish(confirmed);
        TestIncidents.publish(TestIncidents.resolved(tenant, incident, confirmed.decision()));

        assertEquals(List.of("incident.confirmed", "incident.resolved"), awaitTypes(customerPath, 2));
        JsonNode recovered = json(receiver.received(customerPath).get(1));
        assertEquals("Resolved: web-01 is working normally", recovered.at("/data/subject").asText());
        assertEquals("resolved", recovered.at("/data/status").asText());
    }

    @Test
    void theCustomerDoesNotHearOfTheRecoveryWhenTheTenantDoesNotWantIt() {
        UUID incident = UUID.randomUUID();
        IncidentDecision quietRecovery = TestIncidents.confirmedDecision(false, null);

        publish(IncidentChange.CONFIRMED, IncidentStatus.CONFIRMED, quietRecovery, incident);
        IncidentEvent resolved = TestIncidents.resolved(tenant, incident, quietRecovery);
        TestIncidents.publish(resolved);

        awaitRequests(customerPath, 1);
        awaitApplied(resolved);
        assertEquals(List.of("incident.confirmed"), types(customerPath));
        staffDeliveries(incident).then().body("items.eventType", contains("incident.confirmed"));
    }

    @Test
    void operatorsHearOfAnUndecidedIncidentButNotOfOneThePolicyConfirmedAsItOpened() throws Exception {
        UUID undecided = UUID.randomUUID();
        UUID autoConfirmed = UUID.randomUUID();

        publish(IncidentChange.OPENED, IncidentStatus.OPEN, TestIncidents.undecided(), undecided);
        IncidentDecision byPolicy = IncidentDecision.NONE.confirmed("policy", Instant.now(), null, true);
        IncidentEvent openedConfirmed = TestIncidents.event(IncidentChange.OPENED, IncidentStatus.CONFIRMED, byPolicy,
                tenant, autoConfirmed);
        TestIncidents.publish(openedConfirmed);
        TestIncidents.publish(TestIncidents.event(IncidentChange.CONFIRMED, IncidentStatus.CONFIRMED, byPolicy, tenant,
                autoConfirmed));

        JsonNode awaiting = json(awaitRequests(operatorsPath, 1).get(0));
        assertEquals("incident.awaiting-decision", awaiting.get("type").asText());
        assertEquals(undecided.toString(), awaiting.at("/data/incidentId").asText());
        assertTrue(awaiting.at("/data/subject").asText().startsWith("Decision needed (critical): web-01 / http"),
                awaiting.toString());
        assertTrue(awaiting.at("/data/message").asText().contains("dismiss it as noise, by "), awaiting.toString());
        assertFalse(awaiting.at("/data/decisionDueAt").isNull());
        assertEquals(List.of("incident.confirmed"), awaitTypes(customerPath, 1));
        awaitApplied(openedConfirmed);
        assertNothingFor(Audience.OPERATORS, autoConfirmed);
        assertEquals(1, receiver.received(operatorsPath).size());
    }

    @Test
    void supervisorsHearOfAnEscalationAndNobodyElseDoes() throws Exception {
        UUID incident = UUID.randomUUID();
        IncidentDecision undecided = TestIncidents.undecided();

        IncidentEvent escalated = TestIncidents.event(IncidentChange.ESCALATED, IncidentStatus.OPEN,
                undecided.escalated(Instant.now()), tenant, incident);
        TestIncidents.publish(escalated);

        JsonNode body = json(awaitRequests(supervisorsPath, 1).get(0));
        assertEquals("incident.escalated", body.get("type").asText());
        assertTrue(body.at("/data/subject").asText().startsWith("Escalation (critical): nobody decided on web-01"),
                body.toString());
        assertEquals(escalated.decision().escalatedAt().toString(), body.at("/data/escalatedAt").asText());
        awaitApplied(escalated);
        assertNothingFor(Audience.CUSTOMER, incident);
        assertNothingFor(Audience.OPERATORS, incident);
    }

    @Test
    void theOutcomeOfADeliveryToTheOperatorsNamesThem() throws Exception {
        IncidentEvent opened = TestIncidents.awaitingDecision(tenant, UUID.randomUUID());
        UUID deliveryId = EventIds.derived(opened.eventId(), "delivery", operators.id().toString());

        TestIncidents.publish(opened);

        UUID outcomeId = EventIds.derived(deliveryId, EventTypes.NOTIFICATION_DELIVERED);
        Predicate<ConsumerRecord<String, String>> wanted =
                r -> outcomeId.toString().equals(TestInfra.header(r, CloudEventHeaders.ID));
        ConsumerRecord<String, String> record = TestInfra.consume(Topics.NOTIFICATIONS, DEADLINE,
                seen -> seen.stream().anyMatch(wanted)).stream().filter(wanted).findFirst().orElseThrow();
        JsonNode outcome = Json.mapper().readTree(record.value());
        assertEquals("operators", outcome.get("audience").asText());
        assertEquals(operators.id().toString(), outcome.get("endpointId").asText());
    }

    @Test
    void aCustomersDeliveryListLeavesOutTheMspsChannels() {
        UUID incident = UUID.randomUUID();
        IncidentEvent escalated = TestIncidents.event(IncidentChange.ESCALATED, IncidentStatus.OPEN,
                TestIncidents.undecided().escalated(Instant.now()), tenant, incident);

        publish(IncidentChange.OPENED, IncidentStatus.OPEN, TestIncidents.undecided(), incident);
        TestIncidents.publish(escalated);
        TestIncidents.publish(TestIncidents.confirmed(tenant, incident));

        awaitRequests(customerPath, 1);
        awaitApplied(escalated);
        staffDeliveries(incident).then().statusCode(200)
                .body("items.audience", containsInAnyOrder("customer", "operators",
                        "supervisors"));
        given().auth().oauth2(TestInfra.token(Roles.CUSTOMER, tenant)).queryParam("incidentId", incident.toString())
                .get("/v1/deliveries").then().statusCode(200)
                .body("items.eventType", contains("incident.confirmed"))
                .body("items.audience", contains("customer"));
    }

    private void publish(IncidentChange change, IncidentStatus status, IncidentDecision decision, UUID incident) {
        TestIncidents.publish(TestIncidents.event(change, status, decision, tenant, incident));
    }

    /** Waits until notify applied {@code event}: its deliveries, if any, are planned by then. */
    private void awaitApplied(IncidentEvent event) {
        await().atMost(DEADLINE).until(() -> pool.preparedQuery("select 1 from inbox where event_id = $1")
                .execute(Tuple.of(event.eventId())).await().indefinitely().size() == 1);
    }

    /** No delivery to the tenant's {@code audience} endpoint was planned for the incident, and none arrived. */
    private void assertNothingFor(Audience audience, UUID incident) {
        List<String> planned = staffDeliveries(incident).then().statusCode(200).extract().jsonPath()
                .getList("items.findAll { it.audience == '" + audience.wireName() + "' }.eventType");
        assertEquals(List.of(), planned, "deliveries planned to the " + audience.wireName());
        String path = "/" + tenant + "/" + audience.wireName();
        assertTrue(receiver.received(path).stream().noneMatch(r -> json(r).at("/data/incidentId").asText()
                .equals(incident.toString())), "requests to the " + audience.wireName());
    }

    /** Every delivery of the incident, as a supervisor of the tenant sees them: all audiences. */
    private Response staffDeliveries(UUID incident) {
        return given().auth().oauth2(TestInfra.token(Roles.SUPERVISOR, tenant))
                .queryParam("incidentId", incident.toString()).get("/v1/deliveries");
    }

    private static List<WebhookReceiver.Request> awaitRequests(String path, int count) {
        return receiver.awaitReceived(path, count, DEADLINE);
    }

    private static List<String> awaitTypes(String path, int count) {
        awaitRequests(path, count);
        return types(path);
    }

    private static List<String> types(String path) {
        return receiver.received(path).stream().map(r -> json(r).get("type").asText()).toList();
    }

    private static JsonNode json(WebhookReceiver.Request request) {
        return request.json();
    }
}
