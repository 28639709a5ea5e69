package dev.vigil.triage;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.contracts.Json;
import dev.vigil.testsupport.TestInfra;
import dev.vigil.testsupport.VigilTestResources;
import dev.vigil.triage.rules.DefaultRules;
import dev.vigil.triage.rules.Matcher;
import dev.vigil.triage.rules.RulesVersion;
import dev.vigil.triage.rules.TriageRules;
import dev.vigil.triage.store.RulesStore;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Tenants' noise rules over the API and the triage engine's read path, against the real database. */
@QuarkusTest
@WithTestResource(value = VigilTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class RulesApiTest {
    private static final String PROBLEM = "application/problem+json";
    /** Every field given, none of them the default. */
    private static final String NIGHT_SHIFT_RULES = """
            {"groupBy": ["resource", "env"], "groupWindow": "PT10M",
             "thresholds": [{"name": "disks-slowly", "matchers": [{"label": "check", "op": "=~", "value": "disk.*"},
                              {"label": "env", "op": "!=", "value": "lab"}], "occurrences": 5, "within": "PT15M"},
                            {"name": "keeps-firing", "firingFor": "PT2M"}],
             "flap": {"results": 20, "window": "P2D", "high": 0.5, "low": 0},
             "timeouts": [{"name": "stale-cloudwatch",
                           "matchers": [{"label": "source", "op": "=", "value": "cloudwatch"}], "after": "PT12H"}],
             "inhibitions": [{"name": "switch-down", "source": [{"label": "check", "op": "=", "value": "switch"}],
                              "target": [{"label": "check", "op": "!~", "value": "switch"}], "equal": ["site"]}]}
            """;

    @Inject
    Pool pool;

    @Inject
    RulesStore store;

    @Inject
    DefaultRules defaults;

    @Test
    void aTenantWithoutSavedRulesIsServedTheDefaultsAtVersionZero() {
        String tenant = TestAlerts.newTenant();

        given().auth().oauth2(TestInfra.token("operator", tenant)).get("/v1/rules/" + tenant).then().statusCode(200)
                .header("ETag", "\"0\"").body("tenant", equalTo(tenant)).body("version", equalTo(0))
                .body("changedBy", nullValue()).body("changedAt", nullValue())
                .body("rules.groupBy", equalTo(List.of("resource"))).body("rules.groupWindow", equalTo("PT5M"))
                // the MSP's pending period, vigil.triage.rules.raise-after, is PT0S in tests: no threshold
                .body("rules.thresholds", equalTo(List.of()))
                .body("rules.flap.results", equalTo(20)).body("rules.flap.window", equalTo("PT1H"))
                .body("rules.flap.high", equalTo(0.4f)).body("rules.flap.low", equalTo(0.2f))
                .body("rules.timeouts", equalTo(List.of()))
                .body("rules.inhibitions[0].name", equalTo("host-down"))
                .body("rules.inhibitions[0].source[0].op", equalTo("=~"))
                .body("rules.inhibitions[0].source[0].value", equalTo(TriageRules.HOST_DOWN_CHECKS))
                .body("rules.inhibitions[0].equal", equalTo(List.of("resource")));
        given().auth().oauth2(TestInfra.token("operator", tenant)).get("/v1/rules/" + tenant + "/versions")
                .then().statusCode(200).body("items", equalTo(List.of())).body("nextCursor", nullValue());
    }

    @Test
    void aSupervisorReplacesTheRulesAndEveryoneOnShiftReadsThemBack() throws Exception {
        String tenant = TestAlerts.newTenant();
        String supervisor = GateTestSupport.supervisor(tenant);

        JsonPath saved = put(supervisor, tenant, "\"0\"", NIGHT_SHIFT_RULES).statusCode(200).header("ETag", "\"1\"")
                .body("version", equalTo(1)).body("changedBy", equalTo("sally-supervisor"))
                .body("changedAt", notNullValue()).extract().jsonPath();

        JsonPath read = given().auth().oauth2(TestInfra.token("operator", tenant)).get("/v1/rules/" + tenant)
                .then().statusCode(200).header("ETag", "\"1\"").extract().jsonPath();
        assertEquals(saved.getMap(""), read.getMap(""), "what PUT answered is what GET reads");
        assertEquals(List.of("resource", "env"), read.getList("rules.groupBy"));
        assertEquals("PT10M", read.getString("rules.groupWindow"));
        assertEquals(Map.of("label", "check", "op", "=~", "value", "disk.*"),
                read.getMap("rules.thresholds[0].matchers[0]"));
        assertEquals(5, read.getInt("rules.thresholds[0].occurrences"));
        assertEquals(null, read.getString("rules.thresholds[0].firingFor"));
        assertEquals(List.of(), read.getList("rules.thresholds[1].matchers"), "absent matchers: every alert");
        assertEquals("PT48H", read.getString("rules.flap.window"), "P2D, as Duration writes it");
        assertEquals("PT12H", read.getString("rules.timeouts[0].after"));
        assertEquals(List.of("site"), read.getList("rules.inhibitions[0].equal"));

        // the rules of a GET are a PUT body as they stand
        String document = given().auth().oauth2(supervisor).get("/v1/rules/" + tenant).then().extract().asString();
        put(supervisor, tenant, "\"1\"", Json.mapper().readTree(document).get("rules").toString()).statusCode(200)
                .header("ETag", "\"2\"").body("rules", equalTo(read.getMap("rules")));
    }

    @Test
    void fieldsLeftOutTakeTheirDefaultsAndAnEmptyListIsAChoice() {
        String tenant = TestAlerts.newTenant();
        String supervisor = GateTestSupport.supervisor(tenant);

        put(supervisor, tenant, "\"0\"", "{\"groupWindow\": \"PT0S\", \"flap\": {\"high\": 0.6},"
                + " \"inhibitions\": []}").statusCode(200)
                .body("rules.groupBy", equalTo(List.of("resource"))).body("rules.groupWindow", equalTo("PT0S"))
                .body("rules.thresholds", equalTo(List.of()))
                .body("rules.flap.results", equalTo(20)).body("rules.flap.high", equalTo(0.6f))
                .body("rules.flap.low", equalTo(0.2f)).body("rules.inhibitions", equalTo(List.of()));

        TriageRules current = store.current(pool, Set.of(tenant)).await().indefinitely().get(tenant);
        assertEquals(defaults.rules().thresholds(), current.thresholds());
        assertEquals(new TriageRules.Flap(20, Duration.ofHours(1), 0.6, 0.2), current.flap());
        assertEquals(List.of(), current.inhibitions());
    }

    @Test
    void theVersionsShowWhoChangedTheRulesWhenAndWhatTheySaidBeforeAndAfter() {
        String tenant = TestAlerts.newTenant();
        put(GateTestSupport.supervisor(tenant), tenant, "\"0\"", "{\"groupWindow\": \"PT1M\"}").statusCode(200);
        put(TestInfra.token("supervisor", tenant, claims -> claims.setClaim("upn", "sam-supervisor")), tenant,
                "\"1\"", "{\"groupWindow\": \"PT2M\"}").statusCode(200);
        put(GateTestSupport.supervisor(tenant), tenant, "\"2\"", "{\"groupWindow\": \"PT3M\"}").statusCode(200);
        String operator = TestInfra.token("operator", tenant);

        JsonPath all = given().auth().oauth2(operator).get("/v1/rules/" + tenant + "/versions").then()
                .statusCode(200).body("nextCursor", nullValue()).extract().jsonPath();
        assertEquals(List.of(3, 2, 1), all.getList("items.version"));
        assertEquals(List.of("sally-supervisor", "sam-supervisor", "sally-supervisor"), all.getList("items.changedBy"));
        assertEquals(List.of("PT3M", "PT2M", "PT1M"), all.getList("items.after.groupWindow"));
        assertEquals(List.of("PT2M", "PT1M", "PT5M"), all.getList("items.before.groupWindow"),
                "each replaced the one before; the first replaced the defaults");
        String fresh = TestAlerts.newTenant();
        assertEquals(given().auth().oauth2(TestInfra.token("operator", fresh)).get("/v1/rules/" + fresh).then()
                .extract().jsonPath().getMap("rules"), all.getMap("items[2].before"), "the defaults, in full");
        assertEquals(all.getMap("items[1].after"), all.getMap("items[0].before"));
        List<String> times = all.getList("items.changedAt");
        assertTrue(Instant.parse(times.get(0)).isAfter(Instant.parse(times.get(2))), times.toString());

        JsonPath first = given().auth().oauth2(operator).queryParam("limit", 2)
                .get("/v1/rules/" + tenant + "/versions").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(3, 2), first.getList("items.version"));
        assertEquals("PT1M", first.getString("items[1].before.groupWindow"), "the page's last item knows its before");
        JsonPath second = given().auth().oauth2(operator).queryParam("limit", 2)
                .queryParam("cursor", first.getString("nextCursor")).get("/v1/rules/" + tenant + "/versions")
                .then().statusCode(200).body("nextCursor", nullValue()).extract().jsonPath();
        assertEquals(List.of(1), second.getList("items.version"));
        assertEquals("PT5M", second.getString("items[0].before.groupWindow"));
        given().auth().oauth2(operator).queryParam("cursor", "not-a-cursor").get("/v1/rules/" + tenant + "/versions")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void aChangeMustNameTheCurrentVersionAndARefusedOneWritesNoVersion() {
        String tenant = TestAlerts.newTenant();
        String supervisor = GateTestSupport.supervisor(tenant);

        put(supervisor, tenant, null, "{}").statusCode(428).contentType(PROBLEM)
                .body("type", equalTo("urn:vigil:problem:precondition-required"));
        put(supervisor, tenant, " ", "{}").statusCode(428).contentType(PROBLEM);
        put(supervisor, tenant, "\"1\"", "{}").statusCode(412).contentType(PROBLEM)
                .body("detail", equalTo("The rules are at version 0, not \"1\""));
        put(supervisor, tenant, "0", "{}").statusCode(412).contentType(PROBLEM);
        put(supervisor, tenant, "*", "{}").statusCode(412).contentType(PROBLEM);
        assertEquals(0, versionsSaved(tenant));

        put(supervisor, tenant, "\"0\"", "{}").statusCode(200).header("ETag", "\"1\"");
        put(supervisor, tenant, "\"0\"", "{\"groupWindow\": \"PT1M\"}").statusCode(412).contentType(PROBLEM);
        assertEquals(1, versionsSaved(tenant));
    }

    @Test
    void everyBadFieldIsNamedWithItsPathAndNoVersionIsWritten() {
        String tenant = TestAlerts.newTenant();
        String supervisor = GateTestSupport.supervisor(tenant);
        String bad = """
                {"groupBy": ["resource", " "], "groupWindow": "PT25H",
                 "thresholds": [
                   {"name": "regex", "matchers": [{"label": "env", "op": "~", "value": "prod"},
                                                  {"label": "check", "op": "=~", "value": "disk(["},
                                                  {"label": "", "op": "=", "value": "x"},
                                                  {"label": "site", "op": "="}], "firingFor": "PT1M"},
                   {"name": "regex", "firingFor": "PT1M"},
                   {"matchers": [], "firingFor": "ten minutes"},
                   {"name": "neither"},
                   {"name": "counts-without-window", "occurrences": 0},
                   {"name": "window-without-counts", "within": "PT1M", "firingFor": "PT25H"},
                   null],
                 "flap": {"results": 51, "window": "PT30S", "high": 1.5, "low": -0.1},
                 "timeouts": [{"name": "short", "after": "PT30S"}, {"name": "none"}],
                 "inhibitions": [{"name": "empty", "source": [], "target": [], "equal": ["", "site"]}]}
                """;

        put(supervisor, tenant, "\"0\"", bad).statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:vigil:problem:validation"))
                .body("errors.field", containsInAnyOrder("groupBy[1]", "groupWindow",
                        "thresholds[0].matchers[0].op", "thresholds[0].matchers[1].value",
                        "thresholds[0].matchers[2].label", "thresholds[0].matchers[3].value",
                        "thresholds[1].name", "thresholds[2].name", "thresholds[2].firingFor", "thresholds[3]",
                        "thresholds[4].occurrences", "thresholds[4].within", "thresholds[5].occurrences",
                        "thresholds[5].firingFor", "thresholds[6]",
                        "flap.results", "flap.window", "flap.high", "flap.low",
                        "timeouts[0].after", "timeouts[1].after",
                        "inhibitions[0].source", "inhibitions[0].target", "inhibitions[0].equal[0]"));
        put(supervisor, tenant, "\"0\"", "{\"groupBy\": [], \"flap\": {\"high\": 0.3, \"low\": 0.3}}")
                .statusCode(400).body("errors.field", containsInAnyOrder("groupBy", "flap.low"));
        put(supervisor, tenant, "\"0\"", "{\"thresholds\": [{\"name\": \"x\", \"matchers\": [{\"label\": \"check\","
                + " \"op\": \"!~\", \"value\": \"(unclosed\"}], \"firingFor\": \"PT1M\"}]}").statusCode(400)
                .body("errors[0].field", equalTo("thresholds[0].matchers[0].value"))
                .body("errors[0].message", startsWith("is not a valid regular expression"));
        put(supervisor, tenant, "\"0\"", "{\"groupWindow\": 300}").statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("groupWindow"));
        put(supervisor, tenant, "\"0\"", "").statusCode(400).contentType(PROBLEM);
        assertEquals(0, versionsSaved(tenant));
    }

    @Test
    void onlyASupervisorOfTheTenantChangesItsRulesAndOnlyItsStaffReadThem() {
        String tenant = TestAlerts.newTenant();
        String other = TestAlerts.newTenant();
        String foreignSupervisor = GateTestSupport.supervisor(other);

        put(TestInfra.token("operator", tenant), tenant, "\"0\"", "{}").statusCode(403).contentType(PROBLEM);
        put(TestInfra.token("customer", tenant), tenant, "\"0\"", "{}").statusCode(403).contentType(PROBLEM);
        put(null, tenant, "\"0\"", "{}").statusCode(401).contentType(PROBLEM).header("WWW-Authenticate", "Bearer");
        given().auth().oauth2(TestInfra.token("customer", tenant)).get("/v1/rules/" + tenant).then().statusCode(403)
                .contentType(PROBLEM);
        given().auth().oauth2(TestInfra.token("customer", tenant)).get("/v1/rules/" + tenant + "/versions").then()
                .statusCode(403).contentType(PROBLEM);

        put(foreignSupervisor, tenant, "\"0\"", "{}").statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(foreignSupervisor).get("/v1/rules/" + tenant).then().statusCode(403)
                .contentType(PROBLEM);
        given().auth().oauth2(foreignSupervisor).get("/v1/rules/" + tenant + "/versions").then().statusCode(403)
                .contentType(PROBLEM);
        given().auth().oauth2(TestInfra.staffToken("supervisor", List.of(other, "acme"))).get("/v1/rules/" + tenant)
                .then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(foreignSupervisor).get("/v1/rules/Not_A_Tenant!").then().statusCode(400)
                .contentType(PROBLEM);
        assertEquals(0, versionsSaved(tenant));

        put(TestInfra.staffToken("supervisor", List.of(other, tenant)), tenant, "\"0\"", "{}").statusCode(200);
        given().auth().oauth2(TestInfra.staffToken("operator", List.of("*"))).get("/v1/rules/" + tenant).then()
                .statusCode(200).body("version", equalTo(1));
    }

    @Test
    void theEngineReadsTheNewestRulesOfSeveralTenantsAtOnceInsideItsTransaction() {
        String twice = TestAlerts.newTenant();
        String once = TestAlerts.newTenant();
        String never = TestAlerts.newTenant();
        put(GateTestSupport.supervisor(twice), twice, "\"0\"", "{\"groupWindow\": \"PT1M\"}").statusCode(200);
        put(GateTestSupport.supervisor(twice), twice, "\"1\"", NIGHT_SHIFT_RULES).statusCode(200);
        put(GateTestSupport.supervisor(once), once, "\"0\"", "{\"inhibitions\": []}").statusCode(200);

        Map<String, TriageRules> current = pool.withTransaction(connection ->
                store.current(connection, Set.of(twice, once, never))).await().indefinitely();

        assertEquals(Set.of(twice, once), current.keySet(), "a tenant that never saved rules is absent");
        TriageRules night = current.get(twice);
        assertEquals(2, night.version());
        assertEquals(List.of("resource", "env"), night.groupBy());
        assertEquals(Duration.ofMinutes(10), night.groupWindow());
        assertEquals(new TriageRules.Threshold("disks-slowly", List.of(Matcher.matches("check", "disk.*"),
                new Matcher("env", Matcher.Op.NOT_EQUAL, "lab")), 5, Duration.ofMinutes(15), null),
                night.thresholds().get(0));
        assertEquals(new TriageRules.Flap(20, Duration.ofDays(2), 0.5, 0.0), night.flap());
        assertEquals(Duration.ofHours(12), night.timeouts().get(0).after());
        assertTrue(night.inhibitions().get(0).inhibits(Map.of("check", "switch", "site", "fra1"),
                Map.of("check", "http", "site", "fra1")));
        assertEquals(defaults.rules().thresholds(), current.get(once).thresholds());
        assertEquals(1, current.get(once).version());
        assertEquals(List.of(), current.get(once).inhibitions());
        assertEquals(Map.of(), store.current(pool, Set.of()).await().indefinitely());
    }

    @Test
    void theRulesAreStoredAsJsonbInTheContractsMappersShape() {
        String tenant = TestAlerts.newTenant();
        put(GateTestSupport.supervisor(tenant), tenant, "\"0\"", NIGHT_SHIFT_RULES).statusCode(200);

        Row row = pool.preparedQuery("select pg_typeof(rules)::text as type, jsonb_typeof(rules) as shape,"
                        + " rules->>'groupWindow' as window, rules#>>'{thresholds,0,matchers,0,op}' as op,"
                        + " rules#>>'{flap,window}' as flap_window, changed_by from triage_rules where tenant = $1")
                .execute(Tuple.of(tenant)).await().indefinitely().iterator().next();

        assertEquals("jsonb", row.getString("type"));
        assertEquals("object", row.getString("shape"), "a document, not a JSON string holding one");
        assertEquals("PT10M", row.getString("window"));
        assertEquals("=~", row.getString("op"));
        assertEquals("PT48H", row.getString("flap_window"));
        assertEquals("sally-supervisor", row.getString("changed_by"));
    }

    @Test
    void twoSavesOfTheSameVersionAtOnceKeepTheFirstAndRefuseTheSecond() throws Throwable {
        String tenant = TestAlerts.newTenant();
        TriageRules mine = TriageRules.DEFAULT.withVersion(0);
        TriageRules theirs = new TriageRules(0, List.of("site"), Duration.ofMinutes(1), List.of(),
                TriageRules.Flap.DEFAULT, List.of(), List.of());

        Optional<RulesVersion> first = VertxContextSupport.subscribeAndAwait(() -> store.save(tenant, 0, mine, "a"));
        Optional<RulesVersion> second = VertxContextSupport.subscribeAndAwait(
                () -> store.save(tenant, 0, theirs, "b"));

        assertEquals(1, first.orElseThrow().version());
        assertFalse(second.isPresent(), "the version was taken: refused, not overwritten");
        RulesVersion latest = VertxContextSupport.subscribeAndAwait(() -> store.latest(tenant)).orElseThrow();
        assertEquals("a", latest.changedBy());
        assertEquals(mine.withVersion(1), latest.rules());
        assertEquals(1, versionsSaved(tenant));
    }

    @Test
    void aSavedVersionIsNeverRewritten() {
        String tenant = TestAlerts.newTenant();
        put(GateTestSupport.supervisor(tenant), tenant, "\"0\"", "{}").statusCode(200);

        Throwable refused = assertThrows(Throwable.class, () -> pool
                .preparedQuery("update triage_rules set changed_by = 'mallory' where tenant = $1")
                .execute(Tuple.of(tenant)).await().indefinitely());
        assertTrue(refused.getMessage().contains("never changed"), refused.getMessage());
    }

    private static ValidatableResponse put(String token, String tenant, String ifMatch, String body) {
        RequestSpecification request = given().contentType("application/json").body(body);
        if (token != null) {
            request = request.auth().oauth2(token);
        }
        if (ifMatch != null) {
            request = request.header("If-Match", ifMatch);
        }
        return request.put("/v1/rules/" + tenant).then();
    }

    private long versionsSaved(String tenant) {
        return pool.preparedQuery("select count(*) from triage_rules where tenant = $1").execute(Tuple.of(tenant))
                .await().indefinitely().iterator().next().getLong(0);
    }
}
