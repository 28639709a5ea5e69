package dev.vigil.triage.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.testsupport.TestInfra;
import dev.vigil.testsupport.UnauthorizedChecks;
import dev.vigil.testsupport.VigilTestResources;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Silences through the API, against the real database: who may do what, to which tenant's, and what is refused. */
@QuarkusTest
@WithTestResource(value = VigilTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class SilencesApiTest {
    private static final String PROBLEM = "application/problem+json";
    private static final String ENV_PROD = "{\"label\":\"env\",\"op\":\"=\",\"value\":\"prod\"}";

    static String newTenant() {
        return "t" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String operator(String tenant, String name) {
        return TestInfra.token("operator", tenant, claims -> claims.setClaim("upn", name));
    }

    /** A silence of {@code tenant} ending in an hour; its id. */
    static String silence(String token, String tenant) {
        return given().auth().oauth2(token).contentType("application/json")
                .body("{\"tenant\":\"" + tenant + "\",\"matchers\":[" + ENV_PROD + "],\"endsAt\":\""
                        + Instant.now().plus(Duration.ofHours(1)) + "\",\"comment\":\"patching\"}")
                .post("/v1/silences").then().statusCode(201).extract().path("id");
    }

    private static JsonPath get(String token, String id) {
        return given().auth().oauth2(token).get("/v1/silences/" + id).then().statusCode(200).extract().jsonPath();
    }

    private static List<String> ids(String token, String query) {
        return given().auth().oauth2(token).get("/v1/silences" + query).then().statusCode(200).extract().jsonPath()
                .getList("items.id", String.class);
    }

    @Test
    void anOperatorSilencesAlertsUntilATimeAndReadsTheSilenceBack() {
        String tenant = newTenant();
        String olga = operator(tenant, "olga");
        Instant ends = Instant.now().plus(Duration.ofHours(2)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        var created = given().auth().oauth2(olga).contentType("application/json")
                .body("{\"matchers\":[" + ENV_PROD + ",{\"label\":\"resource\",\"op\":\"=~\",\"value\":\"db-.*\"}],"
                        + "\"endsAt\":\"" + ends + "\",\"comment\":\"  Replacing the disk of db-02  \"}")
                .post("/v1/silences").then().statusCode(201).contentType("application/json")
                .body("tenant", equalTo(tenant)).body("state", equalTo("active"))
                .body("matchers[1].label", equalTo("resource")).body("matchers[1].op", equalTo("=~"))
                .body("matchers[1].value", equalTo("db-.*")).body("endsAt", equalTo(ends.toString()))
                .body("untilResolved", equalTo(false)).body("comment", equalTo("Replacing the disk of db-02"))
                .body("createdBy", equalTo("olga")).body("endedBy", nullValue()).extract();
        String id = created.path("id");
        assertTrue(created.header("Location").endsWith("/v1/silences/" + id), created.header("Location"));

        JsonPath read = get(olga, id);
        assertEquals(created.jsonPath().getString("startsAt"), read.getString("startsAt"));
        assertEquals(created.jsonPath().getString("createdAt"), read.getString("createdAt"));
        assertEquals("active", read.getString("state"));
        assertTrue(ids(olga, "").contains(id));
    }

    @Test
    void anUntilResolvedSilenceHasNoEndAndAFutureOneIsPending() {
        String tenant = newTenant();
        String olga = operator(tenant, "olga");
        given().auth().oauth2(olga).contentType("application/json")
                .body("{\"matchers\":[" + ENV_PROD + "],\"untilResolved\":true,\"comment\":\"until the disk is back\"}")
                .post("/v1/silences").then().statusCode(201).body("state", equalTo("active"))
                .body("untilResolved", equalTo(true)).body("endsAt", nullValue());
        Instant tomorrow = Instant.now().plus(Duration.ofDays(1));
        String pending = given().auth().oauth2(olga).contentType("application/json")
                .body("{\"matchers\":[" + ENV_PROD + "],\"startsAt\":\"" + tomorrow + "\",\"endsAt\":\""
                        + tomorrow.plus(Duration.ofHours(1)) + "\",\"comment\":\"tomorrow's upgrade\"}")
                .post("/v1/silences").then().statusCode(201).body("state", equalTo("pending")).extract().path("id");

        assertEquals(List.of(pending), ids(olga, "?state=pending"));
        assertEquals(1, ids(olga, "?state=active").size());
        assertEquals(List.of(), ids(olga, "?state=expired"));
    }

    @Test
    void deleteExpiresASilenceKeepingItsRecordAndExpiringItAgainChangesNothing() {
        String tenant = newTenant();
        String id = silence(operator(tenant, "olga"), tenant);
        String pete = operator(tenant, "pete");
        Instant before = Instant.now();

        given().auth().oauth2(pete).delete("/v1/silences/" + id).then().statusCode(204);

        JsonPath expired = get(pete, id);
        assertEquals("expired", expired.getString("state"));
        assertEquals("pete", expired.getString("endedBy"));
        assertEquals("olga", expired.getString("createdBy"), "the record is kept as it was created");
        Instant endedAt = Instant.parse(expired.getString("endsAt"));
        assertTrue(!endedAt.isBefore(before.minusSeconds(1)) && !endedAt.isAfter(Instant.now()), endedAt.toString());
        assertEquals(List.of(id), ids(pete, "?state=expired"));
        assertEquals(List.of(), ids(pete, "?state=active"));

        given().auth().oauth2(operator(tenant, "olga")).delete("/v1/silences/" + id).then().statusCode(204);
        JsonPath again = get(pete, id);
        assertEquals(expired.getString("endsAt"), again.getString("endsAt"), "the first end is kept");
        assertEquals("pete", again.getString("endedBy"));
    }

    @Test
    void listsArePagedNewestFirst() {
        String tenant = newTenant();
        String olga = operator(tenant, "olga");
        String first = silence(olga, tenant);
        String second = silence(olga, tenant);
        String third = silence(olga, tenant);

        JsonPath page = given().auth().oauth2(olga).get("/v1/silences?limit=2").then().statusCode(200).extract()
                .jsonPath();
        assertEquals(List.of(third, second), page.getList("items.id", String.class));
        String cursor = page.getString("nextCursor");
        given().auth().oauth2(olga).queryParam("limit", "2").queryParam("cursor", cursor).get("/v1/silences")
                .then().statusCode(200).body("items.id", equalTo(List.of(first))).body("nextCursor", nullValue());
    }

    @Test
    void eachWrongFieldIsNamedInOneProblem() {
        String olga = operator(newTenant(), "olga");
        String now = Instant.now().toString();
        refused(olga, "{\"matchers\":[" + ENV_PROD + ",{\"label\":\"host\",\"op\":\"=~\",\"value\":\"db-(\"},"
                        + "{\"label\":\"\",\"op\":\"~\"}],\"startsAt\":\"yesterday\",\"endsAt\":\"" + now + "\"}",
                "matchers[1].value", "matchers[2].label", "matchers[2].op", "matchers[2].value", "startsAt", "comment");
        refused(olga, "{\"endsAt\":\"2099-01-01T00:00:00Z\",\"comment\":\"c\"}", "matchers");
        refused(olga, "{\"matchers\":[],\"endsAt\":\"2099-01-01T00:00:00Z\",\"comment\":\"c\"}", "matchers");
        refused(olga, "{\"matchers\":[null],\"endsAt\":\"2099-01-01T00:00:00Z\",\"comment\":\"c\"}", "matchers[0]");
        refused(olga, "{\"matchers\":[" + ENV_PROD + "],\"comment\":\"c\"}", "endsAt");
        refused(olga, "{\"matchers\":[" + ENV_PROD + "],\"endsAt\":\"+10000-01-01T00:00:00Z\",\"comment\":\"c\"}",
                "endsAt");
        refused(olga, "{\"matchers\":[" + ENV_PROD + "],\"endsAt\":\"2099-01-01T00:00:00Z\",\"untilResolved\":true,"
                + "\"comment\":\"c\"}", "endsAt");
        refused(olga, "{\"matchers\":[" + ENV_PROD + "],\"startsAt\":\"2099-01-02T00:00:00Z\","
                + "\"endsAt\":\"2099-01-01T00:00:00Z\",\"comment\":\"c\"}", "endsAt");
        refused(olga, "{\"matchers\":[" + ENV_PROD + "],\"endsAt\":\"2099-01-01T00:00:00Z\",\"comment\":\""
                + "x".repeat(1001) + "\"}", "comment");
        refused(olga, "{\"matchers\":[" + ENV_PROD + "],\"endsAt\":\"2099-01-01T00:00:00Z\",\"comment\":\"   \"}",
                "comment");
        refused(olga, "{\"matchers\":\"env=prod\",\"endsAt\":\"2099-01-01T00:00:00Z\",\"comment\":\"c\"}",
                "matchers");
        refused(olga, "{\"matchers\":[" + ENV_PROD + "],\"endsAt\":\"2099-01-01T00:00:00Z\",\"comment\":\"c\","
                + "\"untilResolved\":\"yes\"}", "untilResolved");

        given().auth().oauth2(olga).contentType("application/json").body("{\"matchers\": [")
                .post("/v1/silences").then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:vigil:problem:malformed-json"));
        given().auth().oauth2(olga).contentType("application/json").post("/v1/silences").then().statusCode(400)
                .contentType(PROBLEM);
        given().auth().oauth2(olga).contentType("text/plain").body("env=prod").post("/v1/silences").then()
                .statusCode(415).contentType(PROBLEM);
        given().auth().oauth2(olga).get("/v1/silences?state=silenced").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("state"));
        given().auth().oauth2(olga).get("/v1/silences?cursor=nonsense").then().statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
        given().auth().oauth2(olga).get("/v1/silences?limit=0").then().statusCode(400)
                .body("errors[0].field", equalTo("limit"));
    }

    private static void refused(String token, String body, String... fields) {
        given().auth().oauth2(token).contentType("application/json").body(body).post("/v1/silences").then()
                .statusCode(400).contentType(PROBLEM).body("type", equalTo("urn:vigil:problem:validation"))
                .body("errors.field", hasItems(fields)).body("errors.size()", equalTo(fields.length));
    }

    @Test
    void unknownIdsAreNotFoundAndMalformedOnesAreRefused() {
        String olga = operator(newTenant(), "olga");
        String nobody = UUID.randomUUID().toString();
        given().auth().oauth2(olga).get("/v1/silences/" + nobody).then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(olga).delete("/v1/silences/" + nobody).then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(olga).get("/v1/silences/not-a-uuid").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("id"));
        given().auth().oauth2(olga).delete("/v1/silences/not-a-uuid").then().statusCode(400)
                .body("errors[0].field", equalTo("id"));
    }

    @Test
    void aCallerSeesAndChangesOnlyItsTenantsSilences() {
        String a = newTenant();
        String b = newTenant();
        String ofB = silence(operator(b, "bob"), b);
        String ofA = silence(operator(a, "alice"), a);
        String alice = operator(a, "alice");

        assertEquals(List.of(ofA), ids(alice, ""));
        given().auth().oauth2(alice).get("/v1/silences?tenant=" + b).then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(alice).get("/v1/silences/" + ofB).then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(alice).delete("/v1/silences/" + ofB).then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(alice).contentType("application/json")
                .body("{\"tenant\":\"" + b + "\",\"matchers\":[" + ENV_PROD + "],\"untilResolved\":true,"
                        + "\"comment\":\"c\"}")
                .post("/v1/silences").then().statusCode(403).contentType(PROBLEM);
        assertEquals("active", get(operator(b, "bob"), ofB).getString("state"), "B's silence is untouched");
        assertEquals(List.of(ofB), ids(operator(b, "bob"), ""));

        // staff of both see both, and must say for whom they create
        String staff = TestInfra.staffToken("supervisor", List.of(a, b));
        assertEquals(2, ids(staff, "?tenant=" + a + "&tenant=" + b).size());
        given().auth().oauth2(staff).contentType("application/json")
                .body("{\"matchers\":[" + ENV_PROD + "],\"untilResolved\":true,\"comment\":\"c\"}")
                .post("/v1/silences").then().statusCode(400).body("errors[0].field", equalTo("tenant"));
        given().auth().oauth2(staff).get("/v1/silences/" + ofB).then().statusCode(200).body("tenant", equalTo(b));
    }

    @Test
    void customersAndAdminsAreRefusedAndBadTokensChallenged() {
        String tenant = newTenant();
        String id = silence(operator(tenant, "olga"), tenant);
        for (String token : List.of(TestInfra.token("customer", tenant), TestInfra.adminToken())) {
            given().auth().oauth2(token).get("/v1/silences").then().statusCode(403).contentType(PROBLEM);
            given().auth().oauth2(token).get("/v1/silences/" + id).then().statusCode(403).contentType(PROBLEM);
            given().auth().oauth2(token).delete("/v1/silences/" + id).then().statusCode(403).contentType(PROBLEM);
            given().auth().oauth2(token).contentType("application/json").body("{}").post("/v1/silences").then()
                    .statusCode(403).contentType(PROBLEM);
        }
        assertEquals("active", get(operator(tenant, "olga"), id).getString("state"));

        UnauthorizedChecks.assertEveryBadTokenIsChallenged("operator", "acme", spec -> spec.get("/v1/silences"));
        UnauthorizedChecks.assertEveryBadTokenIsChallenged("operator", "acme",
                spec -> spec.get("/v1/silences/" + UUID.randomUUID()));
        UnauthorizedChecks.assertEveryBadTokenIsChallenged("operator", "acme",
                spec -> spec.delete("/v1/silences/" + UUID.randomUUID()));
        UnauthorizedChecks.assertEveryBadTokenIsChallenged("supervisor", "acme", spec -> spec
                .contentType("application/json").body("{\"matchers\":[" + ENV_PROD + "],\"untilResolved\":true,"
                        + "\"comment\":\"c\"}").post("/v1/silences"));
    }

    @Test
    void aSupervisorMaySilenceToo() {
        String tenant = newTenant();
        given().auth().oauth2(TestInfra.token("supervisor", tenant)).contentType("application/json")
                .body("{\"matchers\":[{\"label\":\"check\",\"op\":\"!~\",\"value\":\"ping|host\"}],"
                        + "\"untilResolved\":true,\"comment\":\"c\"}")
                .post("/v1/silences").then().statusCode(201).body("id", notNullValue())
                .body("matchers[0].op", equalTo("!~")).body("matchers.label", not(hasItem("env")));
    }
}
