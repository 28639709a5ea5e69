package dev.vigil.triage;

import static dev.vigil.triage.GateTestSupport.WAIT;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.contracts.AlertStatus;
import dev.vigil.contracts.EventTypes;
import dev.vigil.contracts.Severity;
import dev.vigil.testsupport.TestInfra;
import dev.vigil.testsupport.VigilTestResources;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The human decision through the operator API, against the real broker and database. */
@QuarkusTest
@WithTestResource(value = VigilTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class DecisionGateTest {
    private static final String PROBLEM = "application/problem+json";

    @Inject
    Pool pool;

    @Test
    void anOperatorAcknowledgesThenConfirmsAndTheTimelineShowsWhoDidWhat() {
        String tenant = TestAlerts.newTenant();
        String id = GateTestSupport.openIncident(tenant, "fp-" + UUID.randomUUID(), Severity.CRITICAL);
        String alice = GateTestSupport.operator(tenant, "alice");

        given().auth().oauth2(alice).post("/v1/incidents/" + id + "/acknowledge").then().statusCode(200)
                .body("status", equalTo("acknowledged")).body("decision.assignee", equalTo("alice"));
        given().auth().oauth2(alice).contentType("application/json")
                .body("{\"customerNote\": \"We are restarting the shop's web server.\"}")
                .post("/v1/incidents/" + id + "/confirm").then().statusCode(200)
                .body("status", equalTo("confirmed")).body("decision.confirmedBy", equalTo("alice"))
                .body("decision.decisionDueAt", equalTo(null));

        List<String> types = GateTestSupport.eventTypes(id, EventTypes.INCIDENT_CONFIRMED);
        assertEquals(List.of(EventTypes.INCIDENT_OPENED, "dev.vigil.incident.acknowledged.v1",
                EventTypes.INCIDENT_CONFIRMED), types);
        assertEquals(List.of("opened", "acknowledged", "confirmed"), GateTestSupport.timelineKinds(tenant, id));
        given().auth().oauth2(alice).get("/v1/incidents/" + id + "/timeline").then().statusCode(200)
                .body("items[0].actor", equalTo("alice")).body("items[0].from", equalTo("acknowledged"))
                .body("items[0].to", equalTo("confirmed"))
                .body("items[0].note", equalTo("We are restarting the shop's web server."))
                .body("items[2].actor", equalTo("triage"));
    }

    @Test
    void twoOperatorsConfirmingAtOnceGiveOneConfirmation() throws Exception {
        String tenant = TestAlerts.newTenant();
        String id = GateTestSupport.openIncident(tenant, "fp-" + UUID.randomUUID(), Severity.MAJOR);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String token = GateTestSupport.operator(tenant, "operator-" + i);
            Callable<Integer> confirm = () -> given().auth().oauth2(token).post("/v1/incidents/" + id + "/confirm")
                    .then().extract().statusCode();
            answers.add(pool.submit(confirm));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> answer : answers) {
            statuses.add(answer.get());
        }
        pool.shutdown();

        assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        assertEquals(7, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        List<String> types = GateTestSupport.eventTypes(id, EventTypes.INCIDENT_CONFIRMED);
        assertEquals(1, types.stream().filter(EventTypes.INCIDENT_CONFIRMED::equals).count(), types.toString());
        assertEquals(1, GateTestSupport.timelineKinds(tenant, id).stream().filter("confirmed"::equals).count());
    }

    @Test
    void anActionTheStateDoesNotAllowIsA409NamingBothStates() {
        String tenant = TestAlerts.newTenant();
        String id = GateTestSupport.openIncident(tenant, "fp-" + UUID.randomUUID(), Severity.MAJOR);
        String bob = GateTestSupport.operator(tenant, "bob");
        given().auth().oauth2(bob).post("/v1/incidents/" + id + "/confirm").then().statusCode(200);

        given().auth().oauth2(bob).contentType("application/json").body("{\"reason\": \"noise\"}")
                .post("/v1/incidents/" + id + "/dismiss").then().statusCode(409).contentType(PROBLEM)
                .body("detail", containsString("The incident is confirmed; it cannot be dismissed"));
        given().auth().oauth2(bob).post("/v1/incidents/" + id + "/acknowledge").then().statusCode(409)
                .body("detail", containsString("is confirmed; it cannot be acknowledged"));
        given().auth().oauth2(bob).post("/v1/incidents/" + id + "/confirm").then().statusCode(409)
                .body("detail", containsString("is confirmed; it cannot be confirmed"));
        assertEquals("confirmed", GateTestSupport.incident(tenant, id).getString("status"));
    }

    @Test
    void aDismissalNeedsAKnownReasonAndMayAskForARule() {
        String tenant = TestAlerts.newTenant();
        String fingerprint = "fp-" + UUID.randomUUID();
        String id = GateTestSupport.openIncident(tenant, fingerprint, Severity.MINOR);
        String carol = GateTestSupport.operator(tenant, "carol");

        given().auth().oauth2(carol).contentType("application/json").body("{}")
                .post("/v1/incidents/" + id + "/dismiss").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("reason"));
        given().auth().oauth2(carol).contentType("application/json").body("{\"reason\": \"boring\"}")
                .post("/v1/incidents/" + id + "/dismiss").then().statusCode(400)
                .body("errors.field", hasItem("reason"));
        given().auth().oauth2(carol).post("/v1/incidents/" + id + "/dismiss").then().statusCode(415);
        assertEquals("open", GateTestSupport.incident(tenant, id).getString("status"), "nothing half-done");

        given().auth().oauth2(carol).contentType("application/json")
                .body("{\"reason\": \"planned-work\", \"note\": \"kernel patching\", \"suggestRule\": true}")
                .post("/v1/incidents/" + id + "/dismiss").then().statusCode(200)
                .body("status", equalTo("dismissed")).body("decision.dismissReason", equalTo("planned-work"));
        long suggested = pool.preparedQuery("select count(*) from rule_suggestion where incident_id = $1 and"
                + " reason = 'planned-work' and suggested_by = 'carol'").execute(io.vertx.mutiny.sqlclient.Tuple.of(
                UUID.fromString(id))).await().indefinitely().iterator().next().getLong(0);
        assertEquals(1, suggested);

        // a dismissed incident keeps its repeats: no new incident, no new decision asked for
        TestAlerts.publish(GateTestSupport.alert(tenant, fingerprint, AlertStatus.FIRING, Severity.MINOR));
        await().atMost(WAIT).until(() -> GateTestSupport.incident(tenant, id).getLong("occurrences") == 2);
        assertEquals("dismissed", GateTestSupport.incident(tenant, id).getString("status"));
    }

    @Test
    void assignAndCommentRecordTheirAuthorAndCommentsAreWelcomeAfterResolution() {
        String tenant = TestAlerts.newTenant();
        String fingerprint = "fp-" + UUID.randomUUID();
        String id = GateTestSupport.openIncident(tenant, fingerprint, Severity.WARNING);
        String dave = GateTestSupport.operator(tenant, "dave");

        given().auth().oauth2(dave).contentType("application/json").body("{\"assignee\": \"erin\"}")
                .post("/v1/incidents/" + id + "/assign").then().statusCode(200)
                .body("decision.assignee", equalTo("erin"));
        given().auth().oauth2(dave).contentType("application/json").body("{\"assignee\": \" \"}")
                .post("/v1/incidents/" + id + "/assign").then().statusCode(400).body("errors.field", hasItem("assignee"));

        TestAlerts.publish(GateTestSupport.alert(tenant, fingerprint, AlertStatus.RESOLVED, Severity.WARNING));
        await().atMost(WAIT).until(() -> "resolved".equals(GateTestSupport.incident(tenant, id).getString("status")));
        given().auth().oauth2(dave).contentType("application/json").body("{\"assignee\": \"erin\"}")
                .post("/v1/incidents/" + id + "/assign").then().statusCode(409)
                .body("detail", containsString("is resolved; it cannot be assigned"));
        given().auth().oauth2(dave).contentType("application/json").body("{\"text\": \"Disk was cleaned by cron\"}")
                .post("/v1/incidents/" + id + "/comments").then().statusCode(201)
                .body("actor", equalTo("dave")).body("kind", equalTo("commented"))
                .body("note", equalTo("Disk was cleaned by cron"));
        given().auth().oauth2(dave).contentType("application/json").body("{}")
                .post("/v1/incidents/" + id + "/comments").then().statusCode(400).body("errors.field", hasItem("text"));

        assertEquals(List.of("opened", "assigned", "resolved", "commented"), GateTestSupport.timelineKinds(tenant, id));
    }

    @Test
    void anotherTenantsOperatorCanNeitherActOnNorReadTheIncident() {
        String tenant = TestAlerts.newTenant();
        String other = TestAlerts.newTenant();
        String id = GateTestSupport.openIncident(tenant, "fp-" + UUID.randomUUID(), Severity.CRITICAL);
        String intruder = GateTestSupport.operator(other, "mallory");

        for (String action : List.of("acknowledge", "confirm")) {
            given().auth().oauth2(intruder).post("/v1/incidents/" + id + "/" + action).then().statusCode(404)
                    .contentType(PROBLEM);
        }
        given().auth().oauth2(intruder).contentType("application/json").body("{\"reason\": \"noise\"}")
                .post("/v1/incidents/" + id + "/dismiss").then().statusCode(404);
        given().auth().oauth2(intruder).contentType("application/json").body("{\"text\": \"hi\"}")
                .post("/v1/incidents/" + id + "/comments").then().statusCode(404);
        given().auth().oauth2(intruder).get("/v1/incidents/" + id + "/timeline").then().statusCode(404);
        given().auth().oauth2(TestInfra.token("customer", tenant)).post("/v1/incidents/" + id + "/confirm").then()
                .statusCode(403);
        given().post("/v1/incidents/" + id + "/confirm").then().statusCode(401);
        given().auth().oauth2(intruder).post("/v1/incidents/not-a-uuid/confirm").then().statusCode(400)
                .body("errors.field", hasItem("id"));
        String owner = GateTestSupport.operator(tenant, "olga");
        given().auth().oauth2(owner).contentType("application/json").body("{\"customerNote\": ")
                .post("/v1/incidents/" + id + "/confirm").then().statusCode(400).contentType(PROBLEM);
        given().auth().oauth2(owner).contentType("application/json")
                .body("{\"customerNote\": \"" + "x".repeat(2001) + "\"}")
                .post("/v1/incidents/" + id + "/confirm").then().statusCode(400)
                .body("errors.field", hasItem("customerNote"));

        assertEquals("open", GateTestSupport.incident(tenant, id).getString("status"));
        assertEquals(List.of("opened"), GateTestSupport.timelineKinds(tenant, id));
    }

    @Test
    void theTimelineIsAppendOnlyInTheDatabaseItself() {
        String tenant = TestAlerts.newTenant();
        String id = GateTestSupport.openIncident(tenant, "fp-" + UUID.randomUUID(), Severity.CRITICAL);

        Throwable refused = org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> pool
                .preparedQuery("update incident_timeline set note = 'rewritten' where incident_id = $1")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(UUID.fromString(id))).await().indefinitely());
        assertTrue(refused.getMessage().contains("append-only"), refused.getMessage());
    }
}
