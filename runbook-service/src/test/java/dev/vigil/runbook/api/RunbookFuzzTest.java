package dev.vigil.runbook.api;

import static dev.vigil.testsupport.fuzz.FuzzHttp.request;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import dev.vigil.contracts.IncidentEvent;
import dev.vigil.platform.security.Roles;
import dev.vigil.runbook.Fixtures;
import dev.vigil.runbook.handover.TriageStandIn;
import dev.vigil.testsupport.TestInfra;
import dev.vigil.testsupport.VigilTestResources;
import dev.vigil.testsupport.fuzz.BodyMutations;
import dev.vigil.testsupport.fuzz.Fuzz;
import dev.vigil.testsupport.fuzz.FuzzRun;
import dev.vigil.testsupport.fuzz.RequestParts;
import dev.vigil.testsupport.fuzz.RowCount;
import dev.vigil.testsupport.fuzz.Verdicts;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Generated and mutated requests to the runbook catalog and execution APIs: never a 5xx, every 4xx a problem
 * whose status is the HTTP status, a refused runbook leaves neither a runbook row nor a version row, a refused
 * abandonment neither ends an execution nor announces anything, and a refused step move or note adds nothing to
 * the timeline. See {@link FuzzRun} to replay a run.
 */
@QuarkusTest
@WithTestResource(value = VigilTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class RunbookFuzzTest {
    /** The tenant's runbooks and their versions, together: a refused request must add to neither. */
    private static final String RUNBOOKS_AND_VERSIONS = "select (select count(*) from runbook where tenant = ?)"
            + " + (select count(*) from runbook_version where tenant = ?)";

    /** The tenant's ended executions and its outbox rows, together: an accepted closing adds one of each. */
    private static final String ENDED_AND_ANNOUNCED = "select (select count(*) from execution where tenant = ?"
            + " and status <> 'open') + (select count(*) from outbox where tenant = ?)";

    /** The tenant's timeline entries: an accepted step move or note adds one. */
    private static final String TIMELINE = "select count(*) from execution_entry where tenant = ?";

    /** A body each execution action takes: abandoning reads the reason, moves and notes the note. */
    private static final String ACCEPTED_BY_EVERY_ACTION = "{\"reason\":\"r\",\"note\":\"n\"}";

    private RowCount rows;
    private String tenant;
    private String supervisor;

    @BeforeEach
    void supervisorOfANewTenant() {
        rows = RowCount.ofServiceDatabase();
        tenant = "fz-" + UUID.randomUUID().toString().substring(0, 8);
        supervisor = TestInfra.token(Roles.SUPERVISOR, tenant);
    }

    @AfterEach
    void close() throws Exception {
        rows.close();
    }

    @Test
    void aMutatedRunbookIsAnsweredAndARefusedOneStoresNoRow() {
        Fuzz.run("POST /v1/runbooks", FuzzRun.tries(), random -> {
            String valid = "{\"name\":\"Disk full " + Long.toHexString(random.nextLong()) + "\",\"description\":\"d\","
                    + "\"match\":{\"check\":\"disk\",\"severity\":\"critical\"},\"steps\":["
                    + "{\"title\":\"Check free space\",\"instructions\":\"df -h\",\"critical\":false},"
                    + "{\"title\":\"Restart\",\"critical\":true}]}";
            Verdicts.sendCheckingTrace(port(), request("POST", "/v1/runbooks").bearer(supervisor)
                    .carrying(BodyMutations.mutate(valid, random)), () -> rows.of(RUNBOOKS_AND_VERSIONS, tenant, tenant),
                    created -> 2);
        });
    }

    @Test
    void aMutatedEditIsAnsweredAndOnlyAnAcceptedOneSavesAVersion() {
        UUID runbook = Fixtures.createRunbook(tenant, "Disk full", Map.of("check", "disk"));
        String valid = "{\"name\":\"Disk full\",\"match\":{\"check\":\"disk\"},\"steps\":["
                + "{\"kind\":\"decision\",\"title\":\"Full?\",\"critical\":false,\"branches\":{\"no\":\"end\"}},"
                + "{\"title\":\"Clean up\",\"critical\":true},{\"name\":\"end\",\"title\":\"Check\","
                + "\"critical\":false,\"customerVisible\":true}]}";
        AtomicInteger version = new AtomicInteger(1);
        Fuzz.run("PUT /v1/runbooks/{id}", FuzzRun.tries(0.5), random ->
                Verdicts.sendCheckingTrace(port(), request("PUT", "/v1/runbooks/" + runbook).bearer(supervisor)
                                .carrying(BodyMutations.mutate(valid, random)),
                        () -> rows.of(RUNBOOKS_AND_VERSIONS, tenant, tenant),
                        saved -> -version.getAndSet(saved.json().get("version").asInt())
                                + saved.json().get("version").asInt()));
    }

    @Test
    void aMutatedYamlImportIsAnsweredAndARefusedOneStoresNoRow() {
        // JSON is YAML: the mutations reach the YAML reader, sent as application/yaml. A mutation may name a
        // runbook an earlier try created: then the import saves its next version, or nothing if unchanged
        Map<String, Integer> versions = new HashMap<>();
        Fuzz.run("POST /v1/runbooks/import", FuzzRun.tries(0.5), random -> {
            String valid = "{\"name\":\"Imported " + Long.toHexString(random.nextLong()) + "\",\"match\":"
                    + "{\"check\":\"disk\"},\"steps\":[{\"title\":\"Look\",\"critical\":false}]}";
            BodyMutations.Mutant mutant = BodyMutations.mutate(valid, random);
            BodyMutations.Mutant asYaml = new BodyMutations.Mutant(mutant.what(), mutant.body(),
                    BodyMutations.JSON.equals(mutant.contentType()) ? "application/yaml" : mutant.contentType());
            Verdicts.sendCheckingTrace(port(), request("POST", "/v1/runbooks/import").bearer(supervisor)
                    .carrying(asYaml), () -> rows.of(RUNBOOKS_AND_VERSIONS, tenant, tenant), saved -> {
                        int version = saved.json().get("version").asInt();
                        Integer before = versions.put(saved.json().get("name").asText(), version);
                        return saved.status() == 201 ? 2 : version - (before == null ? version : before);
                    });
        });
    }

    @Test
    void mutatedFindingsApprovalsAndReportQueriesAreAnswered() {
        UUID execution = Fixtures.openExecution(tenant);
        String customer = TestInfra.token(Roles.CUSTOMER, tenant);
        Fuzz.run("PUT isolation, POST approvals, GET report", FuzzRun.tries(0.5), random -> {
            Verdicts.send(port(), request("PUT", "/v1/executions/" + execution + "/isolation").bearer(supervisor)
                    .carrying(BodyMutations.mutate("{\"areas\":{\"network\":{\"finding\":\"fault\","
                            + "\"note\":\"switch port down\"},\"os\":{\"finding\":\"clear\"}}}", random)));
            Verdicts.send(port(), request("POST", "/v1/executions/" + execution + "/approvals").bearer(customer)
                    .carrying(BodyMutations.mutate("{\"step\":2,\"decision\":\"approve\",\"note\":\"ok\"}",
                            random)));
            Verdicts.send(port(), request("GET", "/v1/executions/" + execution + "/report" + RequestParts.query(
                    random, List.of("lang", "timeZone"), List.of("ja", "Asia/Tokyo"))).bearer(customer)
                    .with("Accept", RequestParts.accept(random)));
        });
    }

    @Test
    void aMutatedShiftIsAnsweredAndARefusedOneStoresNothing() {
        Fuzz.run("POST /v1/shifts", FuzzRun.tries(0.5), random -> {
            String valid = "{\"name\":\"night " + Long.toHexString(random.nextLong()) + "\",\"timeZone\":"
                    + "\"Asia/Tokyo\",\"starts\":\"20:30\",\"ends\":\"08:30\",\"members\":[\"aiko\",\"kenji\"]}";
            Verdicts.sendCheckingTrace(port(), request("POST", "/v1/shifts").bearer(supervisor)
                    .carrying(BodyMutations.mutate(valid, random)), () -> rows.of("select count(*) from shift"),
                    created -> 1);
        });
    }

    @Test
    void aMutatedHandoverIsAnsweredAndARefusedOneWritesNothing() {
        String night = "night-" + tenant;
        String morning = "morning-" + tenant;
        shift(night, "20:30", "08:30", "aiko");
        shift(morning, "08:30", "20:30", "mei");
        TriageStandIn.running().holds(supervisor, TriageStandIn.Holding.of(List.of(), List.of(), List.of()));
        String valid = "{\"shift\":\"" + night + "\",\"nextShift\":\"" + morning + "\",\"notes\":[{\"text\":"
                + "\"Call the customer before any restart\"}]}";
        String writer = "supervisor@" + tenant;
        Fuzz.run("POST /v1/handovers", FuzzRun.tries(0.5), random ->
                Verdicts.sendCheckingTrace(port(), request("POST", "/v1/handovers").bearer(supervisor)
                                .carrying(BodyMutations.mutate(valid, random)),
                        () -> rows.of("select count(*) from handover where written_by = ?", writer), written -> 1));

        String handover = given().auth().oauth2(supervisor).contentType(ContentType.JSON).body(valid)
                .post("/v1/handovers").then().statusCode(201).extract().path("id");
        String mei = TestInfra.token(Roles.OPERATOR, tenant, claims -> {
            claims.setSubject("mei");
            claims.setClaim("upn", "mei");
        });
        AtomicBoolean taken = new AtomicBoolean();
        Fuzz.run("POST /v1/handovers/{id}/items/{n}/acknowledge", FuzzRun.tries(0.5), random ->
                Verdicts.sendCheckingTrace(port(), request("POST", "/v1/handovers/" + handover
                                + "/items/1/acknowledge").bearer(mei)
                                .carrying(BodyMutations.mutate("{\"note\":\"On it from 09:00\"}", random)),
                        () -> rows.of("select count(*) from handover_item where handover_id = ?::uuid"
                                + " and acknowledged_by is not null", handover),
                        acknowledged -> taken.getAndSet(true) ? 0 : 1));
    }

    @Test
    void aMutatedManualStartIsAnsweredAndOnlyTheFirstAcceptedOneOpensAnExecution() {
        UUID runbook = Fixtures.createRunbook(tenant, "By hand", Map.of("check", "never-" + UUID.randomUUID()));
        IncidentEvent incident = Fixtures.opened(tenant, "postgres", Map.of());
        Fixtures.publish(incident);
        String valid = "{\"runbookId\":\"" + runbook + "\",\"incidentId\":\"" + incident.incidentId() + "\"}";
        await().atMost(Fixtures.DEADLINE).until(() -> rows.of("select count(*) from incident_times where tenant = ?",
                tenant) == 1);
        AtomicBoolean opened = new AtomicBoolean();
        Fuzz.run("POST /v1/executions", FuzzRun.tries(0.5), random ->
                Verdicts.sendCheckingTrace(port(), request("POST", "/v1/executions").bearer(supervisor)
                                .carrying(BodyMutations.mutate(valid, random)),
                        () -> rows.of("select count(*) from execution where tenant = ?", tenant),
                        started -> opened.getAndSet(true) ? 0 : 1));
    }

    private void shift(String name, String starts, String ends, String member) {
        given().auth().oauth2(supervisor).contentType(ContentType.JSON)
                .body(Map.of("name", name, "timeZone", "Asia/Tokyo", "starts", starts, "ends", ends,
                        "members", List.of(member)))
                .post("/v1/shifts").then().statusCode(201);
    }

    @Test
    void aMutatedAbandonmentIsAnsweredAndARefusedOneEndsNothing() {
        // the first accepted try ends the execution; later tries meet an ended one (409)
        UUID execution = Fixtures.openExecution(tenant);
        Fuzz.run("POST /v1/executions/{id}/abandon", FuzzRun.tries(0.5), random ->
                Verdicts.sendCheckingTrace(port(), request("POST", "/v1/executions/" + execution + "/abandon")
                        .bearer(supervisor).carrying(BodyMutations.mutate("{\"reason\":\"The server was replaced\"}",
                                random)),
                        () -> rows.of(ENDED_AND_ANNOUNCED, tenant, tenant), ended -> 2));
    }

    @Test
    void aMutatedStepMoveOrNoteIsAnsweredAndARefusedOneAddsNoEntry() {
        // skipping step 1 is accepted once, then meets a skipped step (409); every accepted note adds an entry
        UUID execution = Fixtures.openExecution(tenant);
        Map<String, String> validBodies = Map.of("steps/1/skip", "{\"note\":\"Checked by the monitoring\"}",
                "timeline", "{\"note\":\"The customer called at 03:20\",\"corrects\":1}");
        validBodies.forEach((path, valid) -> Fuzz.run("POST /v1/executions/{id}/" + path, FuzzRun.tries(0.5),
                random -> Verdicts.sendCheckingTrace(port(), request("POST", "/v1/executions/" + execution + "/"
                                + path).bearer(supervisor).carrying(BodyMutations.mutate(valid, random)),
                        () -> rows.of(TIMELINE, tenant), added -> 1)));
    }

    @Test
    void garbledQueriesAndIdsAreAnswered() {
        Fuzz.run("GET /v1/runbooks, /v1/executions, /v1/handovers", FuzzRun.tries(), random -> {
            String accept = RequestParts.accept(random);
            Verdicts.send(port(), request("GET", "/v1/runbooks").bearer(supervisor).with("Accept", accept));
            Verdicts.send(port(), request("GET", "/v1/executions" + RequestParts.query(random,
                    List.of("incidentId", "status", "limit", "cursor", "tenant"),
                    List.of(UUID.randomUUID().toString(), "open", "500", "MTIzLmFiYw", "acme")))
                    .bearer(supervisor).with("Accept", accept));
            Verdicts.send(port(), request("GET", "/v1/handovers" + RequestParts.query(random,
                    List.of("limit", "cursor"), List.of("500", "MTIzLmFiYw"))).bearer(supervisor));
            Verdicts.send(port(), request("POST", "/v1/handovers/" + RequestParts.pathSegment(random) + "/items/"
                    + RequestParts.pathSegment(random) + "/acknowledge").bearer(supervisor)
                    .carrying(BodyMutations.unchanged("{\"note\":\"n\"}")));
            for (String collection : List.of("/v1/runbooks/", "/v1/executions/", "/v1/handovers/")) {
                Verdicts.send(port(), request("GET", collection + RequestParts.pathSegment(random)).bearer(supervisor));
                String path = collection + RequestParts.pathSegment(random);
                Verdicts.send(port(), request(RequestParts.method(random), path).bearer(supervisor));
                Verdicts.sendExpecting(404, port(), request("GET", collection
                        + new UUID(random.nextLong(), random.nextLong())).bearer(supervisor));
            }
            for (String action : List.of("/steps/1/start", "/abandon", "/timeline")) {
                Verdicts.send(port(), request("POST", "/v1/executions/" + RequestParts.pathSegment(random) + action)
                        .bearer(supervisor).carrying(BodyMutations.unchanged(ACCEPTED_BY_EVERY_ACTION)));
                Verdicts.sendExpecting(404, port(), request("POST", "/v1/executions/"
                        + new UUID(random.nextLong(), random.nextLong()) + action).bearer(supervisor)
                        .carrying(BodyMutations.unchanged(ACCEPTED_BY_EVERY_ACTION)));
            }
        });
    }

    @Test
    void garbledCredentialsAreChallengedAndStoreNothing() {
        Fuzz.run("Authorization", FuzzRun.tries(0.5), random -> {
            Verdicts.sendExpecting(401, port(), request("GET", "/v1/executions")
                    .with("Authorization", RequestParts.authorization(random, supervisor)));
            var post = request("POST", "/v1/runbooks")
                    .carrying(BodyMutations.unchanged("{\"name\":\"Unauthorized\",\"match\":{\"check\":\"disk\"},"
                            + "\"steps\":[{\"title\":\"Look\",\"critical\":false}]}"))
                    .with("Authorization", RequestParts.authorization(random, supervisor));
            Verdicts.expect(401, post, Verdicts.sendCheckingTrace(port(), post,
                    () -> rows.of("select count(*) from runbook"), created -> 1));
        });
    }

    private static int port() {
        return RestAssured.port;
    }
}
