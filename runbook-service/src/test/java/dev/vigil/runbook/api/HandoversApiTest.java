package dev.vigil.runbook.api;

import static dev.vigil.runbook.Fixtures.DEADLINE;
import static dev.vigil.runbook.Fixtures.conflict;
import static dev.vigil.runbook.Fixtures.newTenant;
import static dev.vigil.runbook.Fixtures.openExecution;
import static dev.vigil.runbook.Fixtures.operator;
import static dev.vigil.runbook.Fixtures.refusedNaming;
import static dev.vigil.runbook.Fixtures.stepPath;
import static dev.vigil.runbook.Fixtures.supervisor;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.contracts.CloudEventHeaders;
import dev.vigil.contracts.EventTypes;
import dev.vigil.contracts.HandoverOverdueEvent;
import dev.vigil.contracts.Json;
import dev.vigil.contracts.Topics;
import dev.vigil.platform.security.Roles;
import dev.vigil.runbook.handover.TriageStandIn;
import dev.vigil.runbook.messaging.HandoverSweeper;
import dev.vigil.testsupport.TestInfra;
import dev.vigil.testsupport.VigilTestResources;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The night shift hands over to the morning shift: everything open is in the handover, item by item, the
 * morning shift acknowledges each item, and what nobody acknowledged in time reaches the tenant's supervisors.
 * Triage is answered by {@link TriageStandIn}; devstack's StackIT reads a real one.
 */
@QuarkusTest
@WithTestResource(value = VigilTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class HandoversApiTest {
    private static final String PROBLEM = "application/problem+json";

    @Inject
    HandoverSweeper sweeper;

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String night = "night-" + suffix;
    private final String morning = "morning-" + suffix;

    @BeforeAll
    static void startTriage() {
        TriageStandIn.running();
    }

    @Test
    void aRealisticNightIsHandedOverItemByItemAcknowledgedAndWhatNobodyTookOverIsEscalated() {
        String tenant = newTenant();
        String other = newTenant();
        defineShifts();
        Instant now = Instant.now();

        // two runbooks under way: one with its critical step waiting for a second person, one with a step begun
        UUID waiting = openExecution(tenant);
        walk(tenant, "aiko", waiting, 1, "start", "complete");
        walk(tenant, "aiko", waiting, 2, "start", "complete");
        UUID begun = openExecution(tenant);
        walk(tenant, "kenji", begun, 1, "start");
        UUID elsewhere = openExecution(other);

        UUID undecided = UUID.randomUUID();
        UUID confirmed = UUID.randomUUID();
        UUID recovering = UUID.randomUUID();
        UUID silenceSoon = UUID.randomUUID();
        UUID windowSoon = UUID.randomUUID();
        String aiko = token("aiko", tenant);
        TriageStandIn.running().holds(aiko, TriageStandIn.Holding.of(
                List.of(incident(confirmed, tenant, "confirmed", "shop-db-01", now.minus(Duration.ofHours(5)), "kenji"),
                        incident(undecided, tenant, "open", "shop-web-02", now.minus(Duration.ofMinutes(20)), null),
                        incident(recovering, tenant, "recovering", "shop-web-01", now.minus(Duration.ofHours(3)),
                                null)),
                List.of(silence(silenceSoon, tenant, now.plus(Duration.ofHours(1))),
                        silence(UUID.randomUUID(), tenant, now.plus(Duration.ofDays(3))),
                        silence(UUID.randomUUID(), tenant, null)),
                List.of(window(windowSoon, tenant, "Patch Tuesday", now.plus(Duration.ofHours(2))),
                        window(UUID.randomUUID(), tenant, "Next week's migration", null))));

        Map<String, Object> handover = person(aiko)
                .body(Map.of("shift", night, "nextShift", morning, "notes", List.of(Map.of("text",
                        "The customer asked for a call before any restart of shop-db-01"))))
                .post("/v1/handovers").then().statusCode(201).contentType(ContentType.JSON)
                .body("shift", equalTo(night))
                .body("nextShift", equalTo(morning))
                .body("nextShiftMembers", equalTo(List.of("mei", "ren")))
                .body("writtenBy", equalTo("aiko"))
                .extract().jsonPath().getMap("");
        String location = "/v1/handovers/" + handover.get("id");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) handover.get("items");

        // every open thing, in reading order: incidents oldest first, the waiting verification, the executions,
        // the silence and window ending within the morning shift, the note; nothing of the other tenant
        assertEquals(List.of("incident", "incident", "incident", "verification", "execution", "execution",
                "silence", "window", "note"), items.stream().map(item -> item.get("kind")).toList());
        assertItem(items.get(0), 1, confirmed, "shop-db-01: shop-db-01 is down (critical)",
                "Confirmed: the customer has been told; assigned to kenji");
        assertItem(items.get(1), 2, recovering, "shop-web-01: shop-web-01 is down (critical)",
                "Its alerts resolved; its runbook is being finished");
        assertItem(items.get(2), 3, undecided, "shop-web-02: shop-web-02 is down (critical)",
                "Awaiting a decision: confirm or dismiss it");
        assertItem(items.get(3), 4, waiting, "Runbook '" + runbookOf(tenant, waiting) + "' for web-1: step 2"
                + " 'Restart the web server' waits for a second person",
                "Reported done by aiko; someone other than aiko verifies it");
        assertEquals(2, items.get(3).get("step"));
        assertItem(items.get(4), 5, waiting, "Runbook '" + runbookOf(tenant, waiting) + "' for web-1",
                "Next: step 2 'Restart the web server' waits for a second person");
        assertEquals(begun.toString(), items.get(5).get("subjectId"));
        assertTrue(((String) items.get(5).get("detail")).startsWith(
                "Next: step 1 'Check free disk space', in progress since "), (String) items.get(5).get("detail"));
        assertItem(items.get(6), 7, silenceSoon, "Silence of service=shop (nightly batch) ends at "
                + now.plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MILLIS),
                "Its alerts reach operators again after that");
        assertItem(items.get(7), 8, windowSoon, "Maintenance window 'Patch Tuesday' ends at "
                + now.plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.MILLIS),
                "Its alerts reach operators again after that");
        assertItem(items.get(8), 9, null, "The customer asked for a call before any restart of shop-db-01", null);
        items.forEach(item -> assertEquals(tenant, item.get("tenant")));
        assertTrue(items.stream().noneMatch(item -> elsewhere.toString().equals(item.get("subjectId"))));

        // the writer cannot take their own work over; someone of another shift may not; the morning shift does
        conflict(person(aiko).post(location + "/items/1/acknowledge").then(), "aiko wrote this handover");
        person(token("kenji", tenant)).post(location + "/items/1/acknowledge").then().statusCode(403)
                .contentType(PROBLEM).body("detail", equalTo("kenji is not on shift '" + morning + "', which takes"
                        + " this handover over (its members and supervisors acknowledge it)"));
        refusedNaming("note", person(token("mei", tenant)).body(Map.of("note", " "))
                .post(location + "/items/1/acknowledge").then());
        person(token("mei", tenant)).body(Map.of("note", "Calling the customer at 09:00"))
                .post(location + "/items/1/acknowledge").then().statusCode(200)
                .body("items[0].acknowledgedBy", equalTo("mei"))
                .body("items[0].acknowledgeNote", equalTo("Calling the customer at 09:00"));
        person(token("mei", tenant)).post(location + "/items/1/acknowledge").then().statusCode(200)
                .body("items[0].acknowledgedBy", equalTo("mei"))
                .body("items[0].acknowledgeNote", equalTo("Calling the customer at 09:00"));
        conflict(person(token("ren", tenant)).post(location + "/items/1/acknowledge").then(),
                "Item 1 was already acknowledged by mei");
        supervisor(tenant).post(location + "/items/4/acknowledge").then().statusCode(200)
                .body("items[3].acknowledgedBy", equalTo("supervisor@" + tenant));
        person(token("ren", tenant)).post(location + "/items/99/acknowledge").then().statusCode(404)
                .contentType(PROBLEM);

        // another tenant's staff see the handover's head, none of its items, and cannot acknowledge them
        operator(other).get(location).then().statusCode(200).body("items.size()", equalTo(0));
        operator(other).post(location + "/items/2/acknowledge").then().statusCode(404);

        // past the acknowledgement time, the seven items nobody took over reach the tenant's supervisors, once
        Instant late = Instant.parse((String) handover.get("acknowledgeBy")).plusSeconds(1);
        sweeper.sweep(late).await().atMost(DEADLINE);
        sweeper.sweep(late.plusSeconds(60)).await().atMost(DEADLINE);
        List<ConsumerRecord<String, String>> overdue = TestInfra.consume(Topics.RUNBOOK, DEADLINE,
                seen -> seen.stream().anyMatch(record -> tenant.equals(TestInfra.header(record,
                        CloudEventHeaders.TENANT)) && EventTypes.RUNBOOK_HANDOVER_OVERDUE.equals(
                        TestInfra.header(record, CloudEventHeaders.TYPE))));
        List<HandoverOverdueEvent> told = overdue.stream()
                .filter(record -> EventTypes.RUNBOOK_HANDOVER_OVERDUE.equals(
                        TestInfra.header(record, CloudEventHeaders.TYPE)))
                .map(record -> overdueEvent(record.value()))
                .filter(event -> event.tenant().equals(tenant)).toList();
        assertEquals(1, told.size(), "one event per handover and tenant, however often the sweep runs");
        HandoverOverdueEvent event = told.get(0);
        assertEquals(List.of(2, 3, 5, 6, 7, 8, 9), event.items().stream().map(HandoverOverdueEvent.Item::number)
                .toList());
        assertEquals(night, event.shift());
        assertEquals(morning, event.nextShift());
        assertEquals("aiko", event.writtenBy());
        Map<String, Object> after = person(aiko).get(location).then().statusCode(200).extract().jsonPath().getMap("");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> afterItems = (List<Map<String, Object>>) after.get("items");
        assertNull(afterItems.get(0).get("escalatedAt"), "an acknowledged item is not escalated");
        assertNotNull(afterItems.get(1).get("escalatedAt"));
        // taking an escalated item over still counts
        person(token("ren", tenant)).post(location + "/items/2/acknowledge").then().statusCode(200)
                .body("items[1].acknowledgedBy", equalTo("ren"));
    }

    @Test
    void aQuietNightHandsOverNothingButTheHandoverItself() {
        String tenant = newTenant();
        defineShifts();
        String token = token("aiko", tenant);
        TriageStandIn.running().holds(token, TriageStandIn.Holding.of(List.of(), List.of(), List.of()));

        String location = person(token).body(Map.of("shift", night, "nextShift", morning)).post("/v1/handovers")
                .then().statusCode(201).body("items.size()", equalTo(0)).extract().header("Location");
        person(token).get(location).then().statusCode(200).body("shift", equalTo(night))
                .body("items.size()", equalTo(0));
    }

    @Test
    void whenTriageCannotBeReadNothingIsWrittenAndTheAnswerSaysWhy() {
        String tenant = newTenant();
        defineShifts();
        String writer = "w-" + suffix;
        String token = token(writer, tenant);
        TriageStandIn.running().holds(token, TriageStandIn.Holding.unanswerable());

        person(token).body(Map.of("shift", night, "nextShift", morning)).post("/v1/handovers").then()
                .statusCode(503).contentType(PROBLEM)
                .body("detail", startsWith("Triage could not be read (/v1/incidents: it"
                        + " answered 500)"));
        // a token triage does not know (401 there) is no handover either
        person(token("x-" + suffix, tenant)).body(Map.of("shift", night, "nextShift", morning))
                .post("/v1/handovers").then().statusCode(503);
        List<Object> writers = person(token).queryParam("limit", 500).get("/v1/handovers").then().statusCode(200)
                .extract().jsonPath().getList("items.writtenBy");
        assertTrue(!writers.contains(writer), "nothing was written");
    }

    @Test
    void aWrongHandoverRequestIsRefusedNamingTheFieldOrTheShift() {
        String tenant = newTenant();
        defineShifts();
        String token = token("aiko", tenant);
        TriageStandIn.running().holds(token, TriageStandIn.Holding.of(List.of(), List.of(), List.of()));

        conflict(person(token).body(Map.of("shift", "no-such-" + suffix)).post("/v1/handovers").then(),
                "There is no shift named 'no-such-" + suffix + "'");
        conflict(person(token).body(Map.of("shift", night, "nextShift", "nope-" + suffix)).post("/v1/handovers")
                .then(), "There is no shift named 'nope-" + suffix + "'");
        refusedNaming("shift", person(token).body(Map.of("shift", " ")).post("/v1/handovers").then());
        refusedNaming("notes[0].text", person(token).body(Map.of("shift", night, "notes",
                List.of(Map.of("text", "")))).post("/v1/handovers").then());
        refusedNaming("notes", person(token).body(Map.of("shift", night, "notes",
                Collections.nCopies(51, Map.of("text", "x")))).post("/v1/handovers").then());
        String staff = TestInfra.staffToken(Roles.OPERATOR, List.of(tenant, newTenant()));
        refusedNaming("notes[0].tenant", person(staff).body(Map.of("shift", night, "notes",
                List.of(Map.of("text", "about whom?")))).post("/v1/handovers").then());
        person(token).body(Map.of("shift", night, "notes", List.of(Map.of("tenant", newTenant(), "text", "x"))))
                .post("/v1/handovers").then().statusCode(403).contentType(PROBLEM);
        person(token).contentType(ContentType.JSON).body("{\"shift\": ").post("/v1/handovers").then()
                .statusCode(400).contentType(PROBLEM);

        person(TestInfra.token(Roles.CUSTOMER, tenant)).body(Map.of("shift", night)).post("/v1/handovers").then()
                .statusCode(403).contentType(PROBLEM);
        given().contentType(ContentType.JSON).body(Map.of("shift", night)).post("/v1/handovers").then()
                .statusCode(401).contentType(PROBLEM);
        person(token).get("/v1/handovers/not-a-uuid").then().statusCode(400).contentType(PROBLEM);
        person(token).get("/v1/handovers/" + UUID.randomUUID()).then().statusCode(404).contentType(PROBLEM);
        refusedNaming("item", person(token).post("/v1/handovers/" + UUID.randomUUID() + "/items/0/acknowledge")
                .then());
        person(token).post("/v1/handovers/" + UUID.randomUUID() + "/items/1/acknowledge").then().statusCode(404)
                .contentType(PROBLEM);
    }

    private void defineShifts() {
        String tenant = newTenant();
        supervisor(tenant).body(shift(night, "20:30", "08:30", List.of("aiko", "kenji"))).post("/v1/shifts")
                .then().statusCode(201);
        supervisor(tenant).body(shift(morning, "08:30", "20:30", List.of("mei", "ren"))).post("/v1/shifts")
                .then().statusCode(201);
    }

    private static Map<String, Object> shift(String name, String starts, String ends, List<String> members) {
        return Map.of("name", name, "timeZone", "Asia/Tokyo", "starts", starts, "ends", ends, "members", members);
    }

    private static void walk(String tenant, String who, UUID execution, int step, String... moves) {
        for (String move : moves) {
            person(token(who, tenant)).body(Map.of()).post(stepPath(execution, step, move)).then().statusCode(200);
        }
    }

    private static String runbookOf(String tenant, UUID execution) {
        return operator(tenant).get("/v1/executions/" + execution).then().statusCode(200)
                .extract().path("runbookName");
    }

    private static void assertItem(Map<String, Object> item, int number, UUID subject, String title, String detail) {
        assertEquals(number, item.get("number"));
        assertEquals(subject == null ? null : subject.toString(), item.get("subjectId"));
        assertEquals(title, item.get("title"));
        assertEquals(detail, item.get("detail"));
        assertNull(item.get("acknowledgedBy"));
    }

    private static HandoverOverdueEvent overdueEvent(String json) {
        try {
            return Json.read(json, HandoverOverdueEvent.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError("not an overdue-handover event: " + json, e);
        }
    }

    /** An operator of the tenant known by {@code name}, as shift members are named. */
    private static String token(String name, String tenant) {
        return TestInfra.token(Roles.OPERATOR, tenant, claims -> {
            claims.setSubject(name);
            claims.setClaim("upn", name);
        });
    }

    private static RequestSpecification person(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    private static Map<String, Object> incident(UUID id, String tenant, String status, String resource,
            Instant openedAt, String assignee) {
        Map<String, Object> decision = new HashMap<>();
        decision.put("assignee", assignee);
        Map<String, Object> incident = new HashMap<>();
        incident.put("id", id.toString());
        incident.put("tenant", tenant);
        incident.put("status", status);
        incident.put("resource", resource);
        incident.put("summary", resource + " is down");
        incident.put("severity", "critical");
        incident.put("openedAt", openedAt.toString());
        incident.put("decision", decision);
        return incident;
    }

    private static Map<String, Object> silence(UUID id, String tenant, Instant endsAt) {
        Map<String, Object> silence = new HashMap<>();
        silence.put("id", id.toString());
        silence.put("tenant", tenant);
        silence.put("state", "active");
        silence.put("matchers", List.of(Map.of("label", "service", "op", "=", "value", "shop")));
        silence.put("comment", "nightly batch");
        silence.put("endsAt", endsAt == null ? null : endsAt.truncatedTo(ChronoUnit.MILLIS).toString());
        silence.put("untilResolved", endsAt == null);
        return silence;
    }

    private static Map<String, Object> window(UUID id, String tenant, String name, Instant activeUntil) {
        Map<String, Object> window = new HashMap<>();
        window.put("id", id.toString());
        window.put("tenant", tenant);
        window.put("name", name);
        window.put("activeNow", activeUntil != null);
        window.put("activeUntil", activeUntil == null ? null : activeUntil.truncatedTo(ChronoUnit.MILLIS).toString());
        return window;
    }
}
