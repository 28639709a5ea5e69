package dev.vigil.ingest.heartbeat;

import static dev.vigil.ingest.heartbeat.Heartbeats.ping;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.ingest.TestTenants;
import dev.vigil.testsupport.TestInfra;
import dev.vigil.testsupport.VigilTestResources;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Who may ping, change and read which heartbeats, and what is refused. */
@QuarkusTest
@WithTestResource(value = VigilTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class HeartbeatAccessTest {
    private static final String PROBLEM = "application/problem+json";

    @Test
    void aPingWithoutALiveIngestKeyIsChallengedAndStoresNothing() {
        TestTenants tenant = TestTenants.register();
        given().post("/v1/heartbeats/backup").then().statusCode(401).contentType(PROBLEM)
                .header("WWW-Authenticate", "Bearer");
        ping("vik_not-a-key", "backup", "").then().statusCode(401).contentType(PROBLEM);
        ping(TestInfra.adminToken(), "backup", "").then().statusCode(401).contentType(PROBLEM);
        get(TestInfra.adminToken(), tenant.tenant(), "backup").then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void aTenantsKeyPingsItsOwnHeartbeatOfThatNameNeverAnotherTenants() {
        TestTenants a = TestTenants.register();
        TestTenants b = TestTenants.register();
        put(TestInfra.adminToken(), "backup", "{\"tenant\": \"" + b.tenant() + "\"}").then().statusCode(200)
                .body("state", equalTo("new"));

        ping(a.key(), "backup", "?interval=P1D").then().statusCode(200).body("tenant", equalTo(a.tenant()));

        get(TestInfra.adminToken(), b.tenant(), "backup").then().statusCode(200).body("state", equalTo("new"))
                .body("lastPing", nullValue());
        get(TestInfra.adminToken(), a.tenant(), "backup").then().statusCode(200).body("state", equalTo("ok"));
    }

    @Test
    void aBadNameIntervalGraceOrBodyIsRefusedNamingIt() {
        String key = TestTenants.register().key();
        refused(ping(key, "-backup", ""), "name");
        refused(ping(key, "x".repeat(129), ""), "name");
        refused(ping(key, "b%20ackup", ""), "name");
        refused(ping(key, "backup", "?interval=0"), "interval");
        refused(ping(key, "backup", "?interval=PT0.5S"), "interval");
        refused(ping(key, "backup", "?interval=P366D"), "interval");
        refused(ping(key, "backup", "?interval=soon"), "interval");
        refused(ping(key, "backup", "?grace=P31D"), "grace");
        refused(ping(key, "backup", "?grace=-1"), "grace");
        refused(pingWithBody(key, "{\"interval\": 300}"), "interval");
        refused(pingWithBody(key, "{\"tenant\": \"other\"}"), "tenant");
        refused(given().auth().oauth2(key).contentType(ContentType.JSON).body("{\"grace\": \"60\"}")
                .post("/v1/heartbeats/backup?grace=60"), "grace");
        given().auth().oauth2(key).contentType(ContentType.JSON).body("{\"grace\": ").post("/v1/heartbeats/backup")
                .then().statusCode(400).contentType(PROBLEM).body("type", equalTo("urn:vigil:problem:malformed-json"));

        pingWithBody(key, "{\"interval\": \"PT10M\", \"grace\": \"30\"}").then().statusCode(200)
                .body("intervalSeconds", equalTo(600)).body("graceSeconds", equalTo(30));
    }

    @Test
    void onlyStaffOfTheTenantChangeAHeartbeatAndABadBodyIsRefused() {
        TestTenants a = TestTenants.register();
        TestTenants c = TestTenants.register();
        String body = "{\"tenant\": \"" + a.tenant() + "\", \"interval\": \"PT6H\", \"grace\": \"PT30M\"}";
        put(TestInfra.token("customer", a.tenant()), "backup", body).then().statusCode(403).contentType(PROBLEM);
        put(TestInfra.token("operator", a.tenant()), "backup", body).then().statusCode(403).contentType(PROBLEM);
        put(TestInfra.staffToken("supervisor", List.of(c.tenant())), "backup", body).then().statusCode(403)
                .contentType(PROBLEM);
        put(TestInfra.staffToken("supervisor", List.of(a.tenant(), c.tenant())), "backup", "{}").then()
                .statusCode(400).body("errors[0].field", equalTo("tenant"));
        put(TestInfra.adminToken(), "backup", "{\"tenant\": \"nobody-registered-this\"}").then().statusCode(404)
                .contentType(PROBLEM);
        String supervisor = TestInfra.staffToken("supervisor", List.of(a.tenant()));
        refused(put(supervisor, "backup", "{\"interval\": 300}"), "interval");
        refused(put(supervisor, "backup", "{\"interval\": \"never\"}"), "interval");
        refused(put(supervisor, "backup", "{\"grace\": \"P1Y\"}"), "grace");
        refused(put(supervisor, "-backup", "{}"), "name");
        given().auth().oauth2(supervisor).contentType(ContentType.JSON).put("/v1/heartbeats/backup").then()
                .statusCode(400).contentType(PROBLEM);
        get(TestInfra.adminToken(), a.tenant(), "backup").then().statusCode(404);

        put(supervisor, "backup", body).then().statusCode(200).body("tenant", equalTo(a.tenant()))
                .body("state", equalTo("new")).body("intervalSeconds", equalTo(21600))
                .body("graceSeconds", equalTo(1800));
        put(supervisor, "backup", "{\"interval\": \"PT8H\"}").then().statusCode(200)
                .body("intervalSeconds", equalTo(28800)).body("graceSeconds", equalTo(1800));
    }

    @Test
    void staffSeeTheHeartbeatsOfTheirTenantsPageByPageAndNoOthers() {
        TestTenants a = TestTenants.register();
        TestTenants b = TestTenants.register();
        TestTenants c = TestTenants.register();
        for (TestTenants tenant : List.of(a, b, c)) {
            for (String name : List.of("one", "two", "three")) {
                ping(tenant.key(), name, "?interval=P1D").then().statusCode(200);
            }
        }
        String staff = TestInfra.staffToken("operator", List.of(a.tenant(), b.tenant()));

        List<String> walked = walk(staff, "", 2);
        assertEquals(walked.size(), new HashSet<>(walked).size(), "a heartbeat appeared on two pages");
        assertEquals(Set.of(a.tenant() + "/one", a.tenant() + "/two", a.tenant() + "/three", b.tenant() + "/one",
                b.tenant() + "/two", b.tenant() + "/three"), Set.copyOf(walked));
        assertEquals(3, walk(staff, "&tenant=" + b.tenant(), 50).size());
        given().auth().oauth2(staff).get("/v1/heartbeats?tenant=" + c.tenant()).then().statusCode(403)
                .contentType(PROBLEM);
        get(staff, c.tenant(), "one").then().statusCode(404).contentType(PROBLEM);
        get(staff, a.tenant(), "one").then().statusCode(200).body("state", equalTo("ok"))
                .body("intervalSeconds", equalTo(86400));
        get(TestInfra.token("customer", c.tenant()), c.tenant(), "two").then().statusCode(200);
        get(TestInfra.token("customer", c.tenant()), a.tenant(), "two").then().statusCode(404);
        get(staff, "NOT_A_TENANT", "one").then().statusCode(400).body("errors[0].field", equalTo("tenant"));
        given().auth().oauth2(staff).get("/v1/heartbeats?cursor=nonsense").then().statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
    }

    private static List<String> walk(String token, String filter, int pageSize) {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            RequestSpecification request = given().auth().oauth2(token);
            String query = "?limit=" + pageSize + filter + (cursor == null ? "" : "&cursor=" + cursor);
            JsonPath page = request.get("/v1/heartbeats" + query).then().statusCode(200).extract().jsonPath();
            List<String> tenants = page.getList("items.tenant", String.class);
            List<String> names = page.getList("items.name", String.class);
            for (int i = 0; i < names.size(); i++) {
                seen.add(tenants.get(i) + "/" + names.get(i));
            }
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return seen;
    }

    private static void refused(Response response, String field) {
        response.then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo(field));
    }

    private static Response pingWithBody(String key, String body) {
        return given().auth().oauth2(key).contentType(ContentType.JSON).body(body).post("/v1/heartbeats/backup");
    }

    private static Response put(String token, String name, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).put("/v1/heartbeats/" + name);
    }

    private static Response get(String token, String tenant, String name) {
        return given().auth().oauth2(token).get("/v1/heartbeats/" + tenant + "/" + name);
    }
}
