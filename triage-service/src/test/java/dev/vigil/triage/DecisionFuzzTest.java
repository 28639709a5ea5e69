package dev.vigil.triage;

import static dev.vigil.testsupport.fuzz.FuzzHttp.request;

import dev.vigil.contracts.Severity;
import dev.vigil.testsupport.VigilTestResources;
import dev.vigil.testsupport.fuzz.BodyMutations;
import dev.vigil.testsupport.fuzz.Fuzz;
import dev.vigil.testsupport.fuzz.FuzzRun;
import dev.vigil.testsupport.fuzz.RequestParts;
import dev.vigil.testsupport.fuzz.Verdicts;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

/**
 * Mutated bodies, ids and credentials on the decision API, the policies and the noise rules: never a 5xx, every 4xx a
 * problem, and a refused request leaves no timeline line and no policy or rules version behind. See {@link FuzzRun}
 * to replay a run.
 */
@QuarkusTest
@WithTestResource(value = VigilTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class DecisionFuzzTest {

    @Inject
    Pool pool;

    @Test
    void aMutatedDecisionIsAnsweredAndARefusedOneWritesNothing() {
        String tenant = TestAlerts.newTenant();
        String operator = GateTestSupport.operator(tenant, "fuzzy");
        Map<String, String> validBodies = new LinkedHashMap<>();
        validBodies.put("assign", "{\"assignee\":\"erin\",\"note\":\"she knows the database\"}");
        validBodies.put("comments", "{\"text\":\"Replica lag is back under 5 s\"}");
        validBodies.put("acknowledge", "{\"note\":\"looking\"}");
        validBodies.put("dismiss", "{\"reason\":\"planned-work\",\"note\":\"patching\",\"suggestRule\":true}");
        validBodies.put("confirm", "{\"customerNote\":\"We are on it\"}");
        validBodies.forEach((action, valid) -> {
            // one incident per action: after the first accepted try, a state change meets its own 409s
            String id = GateTestSupport.openIncident(tenant, "fp-" + UUID.randomUUID(), Severity.MAJOR);
            LongSupplier lines = count("select count(*) from incident_timeline where incident_id = $1",
                    UUID.fromString(id));
            Fuzz.run("POST /v1/incidents/{id}/" + action, FuzzRun.tries(0.3), random ->
                    Verdicts.sendCheckingTrace(port(), request("POST", "/v1/incidents/" + id + "/" + action)
                            .bearer(operator).carrying(BodyMutations.mutate(valid, random)), lines, accepted -> 1));
        });
    }

    @Test
    void aMutatedPolicyIsAnsweredAndARefusedOneSavesNoVersion() {
        String tenant = TestAlerts.newTenant();
        String supervisor = GateTestSupport.supervisor(tenant);
        String valid = "{\"autoConfirm\":[\"critical\"],\"decisionDeadlines\":{\"major\":\"PT15M\",\"minor\":\"PT1H\"},"
                + "\"resolveDelay\":\"PT5M\",\"reportRecovery\":true}";
        LongSupplier versions = count("select count(*) from tenant_policy where tenant = $1", tenant);
        Fuzz.run("PUT /v1/policies/{tenant}", FuzzRun.tries(0.5), random ->
                Verdicts.sendCheckingTrace(port(), request("PUT", "/v1/policies/" + tenant).bearer(supervisor)
                        .carrying(BodyMutations.mutate(valid, random)), versions, accepted -> 1));
    }

    @Test
    void aMutatedRulesDocumentIsAnsweredAndARefusedOneSavesNoVersion() {
        String tenant = TestAlerts.newTenant();
        String supervisor = GateTestSupport.supervisor(tenant);
        String valid = "{\"groupBy\":[\"resource\",\"env\"],\"groupWindow\":\"PT10M\","
                + "\"thresholds\":[{\"name\":\"disks\",\"matchers\":[{\"label\":\"check\",\"op\":\"=~\","
                + "\"value\":\"disk.*\"}],\"occurrences\":5,"
                + "\"within\":\"PT15M\",\"firingFor\":\"PT5M\"}],\"flap\":{\"results\":20,\"window\":\"PT2H\","
                + "\"high\":0.5,\"low\":0.25},\"timeouts\":[{\"name\":\"stale\",\"matchers\":[{\"label\":\"source\","
                + "\"op\":\"=\",\"value\":\"cloudwatch\"}],\"after\":\"PT12H\"}],\"inhibitions\":[{\"name\":\"switch\","
                + "\"source\":[{\"label\":\"check\",\"op\":\"=\",\"value\":\"switch\"}],\"target\":[{\"label\":"
                + "\"check\",\"op\":\"!=\",\"value\":\"switch\"}],\"equal\":[\"site\"]}]}";
        // versions are numbered without gaps: their count is the current version, which each try names
        LongSupplier versions = count("select count(*) from triage_rules where tenant = $1", tenant);
        Fuzz.run("PUT /v1/rules/{tenant}", FuzzRun.tries(0.5), random ->
                Verdicts.sendCheckingTrace(port(), request("PUT", "/v1/rules/" + tenant).bearer(supervisor)
                        .with("If-Match", "\"" + versions.getAsLong() + "\"")
                        .carrying(BodyMutations.mutate(valid, random)), versions, accepted -> 1));
    }

    @Test
    void garbledIdsAndCredentialsOnTheDecisionApiAreAnswered() {
        String tenant = TestAlerts.newTenant();
        String operator = GateTestSupport.operator(tenant, "fuzzy");
        Fuzz.run("POST /v1/incidents/{id}/..., GET .../timeline", FuzzRun.tries(0.5), random -> {
            for (String action : List.of("/acknowledge", "/confirm", "/assign", "/dismiss", "/comments")) {
                Verdicts.send(port(), request("POST", "/v1/incidents/" + RequestParts.pathSegment(random) + action)
                        .bearer(operator).carrying(BodyMutations.unchanged("{\"reason\":\"noise\",\"text\":\"t\","
                                + "\"assignee\":\"a\"}")));
            }
            Verdicts.sendExpecting(404, port(), request("POST", "/v1/incidents/"
                    + new UUID(random.nextLong(), random.nextLong()) + "/confirm").bearer(operator));
            Verdicts.send(port(), request("GET", "/v1/incidents/" + new UUID(random.nextLong(), 1) + "/timeline"
                    + RequestParts.query(random, List.of("limit", "cursor"), List.of("1", "500", "MTIzLjQ1Ng")))
                    .bearer(operator));
            Verdicts.send(port(), request("GET", "/v1/policies/" + RequestParts.pathSegment(random)).bearer(operator));
            Verdicts.sendExpecting(401, port(), request("POST", "/v1/incidents/" + new UUID(random.nextLong(), 1)
                    + "/confirm").with("Authorization", RequestParts.authorization(random, operator)));
        });
    }

    private LongSupplier count(String sql, Object key) {
        return () -> pool.preparedQuery(sql).execute(Tuple.of(key)).await().indefinitely().iterator().next()
                .getLong(0);
    }

    private static int port() {
        return RestAssured.port;
    }
}
