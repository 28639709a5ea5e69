package dev.vigil.triage.api;

import static dev.vigil.triage.api.SilencesApiTest.newTenant;
import static dev.vigil.triage.api.SilencesApiTest.operator;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.testsupport.TestInfra;
import dev.vigil.testsupport.UnauthorizedChecks;
import dev.vigil.testsupport.VigilTestResources;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Maintenance windows through the API, against the real database: versions, scope, and what is refused. */
@QuarkusTest
@WithTestResource(value = VigilTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class MaintenanceWindowsApiTest {
    private static final String PROBLEM = "application/problem+json";
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    /** Tokyo has no daylight-saving time, so the expected next occurrence does not depend on today's date. */
    private static final String SUNDAY_TOKYO = "{\"name\":\"Sunday patching\",\"timeZone\":\"Asia/Tokyo\","
            + "\"matchers\":[{\"label\":\"env\",\"op\":\"=\",\"value\":\"prod\"}],\"comment\":\"OS updates\","
            + "\"recurrence\":{\"days\":[\"SUNDAY\"],\"start\":\"02:00\",\"end\":\"04:00\"}}";

    private static ExtractableResponse<Response> create(String token, String body) {
        return given().auth().oauth2(token).contentType("application/json").body(body)
                .post("/v1/maintenance-windows").then().statusCode(201).extract();
    }

    private static String oneOff(String tenant, Instant start, Instant end) {
        return "{\"tenant\":\"" + tenant + "\",\"name\":\"db migration\",\"timeZone\":\"Europe/Berlin\","
                + "\"startsAt\":\"" + start + "\",\"endsAt\":\"" + end + "\"}";
    }

    private static List<String> ids(String token, String query) {
        return given().auth().oauth2(token).get("/v1/maintenance-windows" + query).then().statusCode(200).extract()
                .jsonPath().getList("items.id", String.class);
    }

    @Test
    void aWeeklyWindowShowsItsNextOccurrenceInItsZone() {
        String tenant = newTenant();
        String olga = operator(tenant, "olga");
        ExtractableResponse<Response> created = create(olga, SUNDAY_TOKYO);
        JsonPath window = created.jsonPath();
        assertEquals("\"0\"", created.header("ETag"));
        assertTrue(created.header("Location").endsWith("/v1/maintenance-windows/" + window.getString("id")));
        assertEquals(tenant, window.getString("tenant"));
        assertEquals(List.of("SUNDAY"), window.getList("recurrence.days"));
        assertEquals("02:00", window.getString("recurrence.start"));
        assertEquals("04:00", window.getString("recurrence.end"));
        assertEquals("prod", window.getString("matchers[0].value"));
        assertEquals("olga", window.getString("createdBy"));
        assertEquals(0, window.getInt("version"));

        ZonedDateTime nextStart = Instant.parse(window.getString("nextStart")).atZone(TOKYO);
        ZonedDateTime nextEnd = Instant.parse(window.getString("nextEnd")).atZone(TOKYO);
        assertEquals(DayOfWeek.SUNDAY, nextStart.getDayOfWeek());
        assertEquals(LocalTime.of(2, 0), nextStart.toLocalTime());
        assertEquals(nextStart.plusHours(2), nextEnd);
        assertTrue(nextStart.toInstant().isAfter(Instant.now()));
        assertFalse(nextStart.toInstant().isAfter(Instant.now().plus(Duration.ofDays(7))));

        given().auth().oauth2(olga).get(created.header("Location")).then().statusCode(200).header("ETag", "\"0\"")
                .body("nextStart", equalTo(window.getString("nextStart"))).body("timeZone", equalTo("Asia/Tokyo"));
    }

    @Test
    void aOneOffWindowUnderWayIsActiveUntilItsEndAndOneAheadIsNext() {
        String tenant = newTenant();
        String olga = operator(tenant, "olga");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        JsonPath underWay = create(olga, oneOff(tenant, now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(1))))
                .jsonPath();
        assertTrue(underWay.getBoolean("activeNow"));
        assertEquals(now.plus(Duration.ofHours(1)).toString(), underWay.getString("activeUntil"));
        assertNull(underWay.getString("nextStart"));
        assertNull(underWay.get("recurrence"));

        JsonPath ahead = create(olga, oneOff(tenant, now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(2))))
                .jsonPath();
        assertFalse(ahead.getBoolean("activeNow"));
        assertNull(ahead.getString("activeUntil"));
        assertEquals(now.plus(Duration.ofDays(1)).toString(), ahead.getString("nextStart"));
        assertEquals(now.plus(Duration.ofDays(2)).toString(), ahead.getString("nextEnd"));

        // every day, all day: always in force
        JsonPath always = create(olga, "{\"name\":\"freeze\",\"timeZone\":\"UTC\",\"recurrence\":{\"days\":["
                + "\"MONDAY\",\"TUESDAY\",\"WEDNESDAY\",\"THURSDAY\",\"FRIDAY\",\"SATURDAY\",\"SUNDAY\"],"
                + "\"start\":\"00:00\",\"end\":\"00:00\"}}").jsonPath();
        assertTrue(always.getBoolean("activeNow"));
        assertEquals(3, ids(olga, "").size());
        JsonPath page = given().auth().oauth2(olga).get("/v1/maintenance-windows?limit=2").then().statusCode(200)
                .body("items[0].name", equalTo("freeze")).body("items[0].activeNow", equalTo(true))
                .body("items[1].id", equalTo(ahead.getString("id"))).extract().jsonPath();
        given().auth().oauth2(olga).queryParam("cursor", page.getString("nextCursor")).get("/v1/maintenance-windows")
                .then().statusCode(200).body("items.id", equalTo(List.of(underWay.getString("id"))))
                .body("nextCursor", nullValue());
    }

    @Test
    void aReplacementIsANewVersionAndAStaleIfMatchIsRefused() {
        String tenant = newTenant();
        String location = create(operator(tenant, "olga"), SUNDAY_TOKYO).header("Location");
        String pete = operator(tenant, "pete");

        given().auth().oauth2(pete).contentType("application/json").header("If-Match", "\"0\"")
                .body(oneOff(tenant, Instant.parse("2026-12-24T22:00:00Z"), Instant.parse("2026-12-25T02:00:00Z")))
                .put(location).then().statusCode(200).header("ETag", "\"1\"").body("version", equalTo(1))
                .body("name", equalTo("db migration")).body("timeZone", equalTo("Europe/Berlin"))
                .body("recurrence", nullValue()).body("matchers.size()", equalTo(0)).body("comment", nullValue())
                .body("startsAt", equalTo("2026-12-24T22:00:00Z")).body("updatedBy", equalTo("pete"))
                .body("createdBy", equalTo("olga"));

        given().auth().oauth2(pete).contentType("application/json").header("If-Match", "\"0\"").body(SUNDAY_TOKYO)
                .put(location).then().statusCode(412).contentType(PROBLEM)
                .body("type", equalTo("urn:vigil:problem:precondition-failed"));
        given().auth().oauth2(pete).get(location).then().statusCode(200).header("ETag", "\"1\"")
                .body("name", equalTo("db migration"));

        given().auth().oauth2(pete).contentType("application/json").body(SUNDAY_TOKYO).put(location).then()
                .statusCode(200).header("ETag", "\"2\"").body("recurrence.days", equalTo(List.of("SUNDAY")))
                .body("startsAt", nullValue());
        given().auth().oauth2(pete).contentType("application/json").header("If-Match", "*").body(SUNDAY_TOKYO)
                .put(location).then().statusCode(200).header("ETag", "\"3\"");
    }

    @Test
    void deletingAWindowRemovesIt() {
        String tenant = newTenant();
        String olga = operator(tenant, "olga");
        String location = create(olga, SUNDAY_TOKYO).header("Location");
        given().auth().oauth2(olga).delete(location).then().statusCode(204);
        given().auth().oauth2(olga).get(location).then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(olga).delete(location).then().statusCode(404).contentType(PROBLEM);
        assertEquals(List.of(), ids(olga, ""));
    }

    @Test
    void eachWrongFieldIsNamedInOneProblem() {
        String olga = operator(newTenant(), "olga");
        refused(olga, "{\"name\":\"n\",\"timeZone\":\"Europe/Atlantis\",\"recurrence\":{\"days\":[\"SUNDAY\","
                + "\"FUNDAY\",null],\"start\":\"2am\",\"end\":\"25:00\"}}", "timeZone", "recurrence.days[1]",
                "recurrence.days[2]", "recurrence.start", "recurrence.end");
        refused(olga, "{\"timeZone\":\"Europe/Berlin\",\"matchers\":[{\"label\":\"host\",\"op\":\"=~\","
                + "\"value\":\"[db\"}],\"startsAt\":\"2026-05-02T00:00:00Z\",\"endsAt\":\"2026-05-01T00:00:00Z\"}",
                "name", "matchers[0].value", "endsAt");
        refused(olga, "{\"name\":\"n\",\"timeZone\":\"Europe/Berlin\"}", "startsAt", "endsAt");
        // parses as an instant, but lies beyond what PostgreSQL stores
        refused(olga, "{\"name\":\"n\",\"timeZone\":\"UTC\",\"startsAt\":\"-999999999-01-01T00:00:00Z\","
                + "\"endsAt\":\"+999999999-12-31T23:59:59Z\"}", "startsAt", "endsAt");
        refused(olga, "{\"name\":\"n\"," + "\"startsAt\":\"2026-05-01T00:00:00Z\"}", "timeZone", "endsAt");
        refused(olga, "{\"name\":\"n\",\"timeZone\":\"Europe/Berlin\",\"startsAt\":\"2026-05-01T00:00:00Z\","
                + "\"recurrence\":{\"days\":[\"SUNDAY\"],\"start\":\"02:00\",\"end\":\"04:00\"}}", "startsAt");
        refused(olga, "{\"name\":\"n\",\"timeZone\":\"Europe/Berlin\",\"recurrence\":{\"days\":[],"
                + "\"start\":\"02:00\",\"end\":\"04:00\",\"from\":\"2026-06-01T00:00:00Z\","
                + "\"until\":\"2026-05-01T00:00:00Z\"}}", "recurrence.days", "recurrence.until");
        refused(olga, "{\"name\":\"n\",\"timeZone\":\"Europe/Berlin\",\"recurrence\":{\"days\":[\"MONDAY\"]},"
                + "\"comment\":\"" + "x".repeat(1001) + "\"}", "recurrence.start", "recurrence.end", "comment");
        refused(olga, "{\"name\":\"n\",\"timeZone\":\"+02:00\",\"startsAt\":\"2026-05-01T00:00:00Z\","
                + "\"endsAt\":\"soon\"}", "timeZone", "endsAt");
        refused(olga, "{\"name\":\"n\",\"timeZone\":\"UTC\",\"recurrence\":\"weekly\"}", "recurrence");

        given().auth().oauth2(olga).contentType("application/json").body("{\"name\": \"n\",")
                .post("/v1/maintenance-windows").then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:vigil:problem:malformed-json"));
        given().auth().oauth2(olga).contentType("application/json").post("/v1/maintenance-windows").then()
                .statusCode(400).contentType(PROBLEM);
        String location = create(olga, SUNDAY_TOKYO).header("Location");
        given().auth().oauth2(olga).contentType("application/json").body("{\"name\":\"n\",\"timeZone\":\"UTC\"}")
                .put(location).then().statusCode(400).body("errors.field", hasItems("startsAt", "endsAt"));
        given().auth().oauth2(olga).contentType("application/json").body("[").put(location).then().statusCode(400)
                .contentType(PROBLEM);
        given().auth().oauth2(olga).get(location).then().statusCode(200).body("version", equalTo(0));
    }

    private static void refused(String token, String body, String... fields) {
        given().auth().oauth2(token).contentType("application/json").body(body).post("/v1/maintenance-windows")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItems(fields))
                .body("errors.size()", equalTo(fields.length));
    }

    @Test
    void unknownIdsAreNotFoundAndMalformedOnesAreRefused() {
        String olga = operator(newTenant(), "olga");
        String nobody = "/v1/maintenance-windows/" + UUID.randomUUID();
        given().auth().oauth2(olga).get(nobody).then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(olga).delete(nobody).then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(olga).contentType("application/json").body(SUNDAY_TOKYO).put(nobody).then()
                .statusCode(404).contentType(PROBLEM);
        for (String method : List.of("GET", "DELETE")) {
            given().auth().oauth2(olga).request(method, "/v1/maintenance-windows/42").then().statusCode(400)
                    .contentType(PROBLEM).body("errors[0].field", equalTo("id"));
        }
        given().auth().oauth2(olga).contentType("application/json").body(SUNDAY_TOKYO)
                .put("/v1/maintenance-windows/42").then().statusCode(400).body("errors[0].field", equalTo("id"));
    }

    @Test
    void aCallerSeesAndChangesOnlyItsTenantsWindows() {
        String a = newTenant();
        String b = newTenant();
        String bob = operator(b, "bob");
        String ofB = create(bob, SUNDAY_TOKYO).header("Location");
        String alice = operator(a, "alice");
        String ofA = create(alice, SUNDAY_TOKYO).header("Location");

        assertEquals(1, ids(alice, "").size());
        assertTrue(ofA.endsWith(ids(alice, "").get(0)));
        given().auth().oauth2(alice).get("/v1/maintenance-windows?tenant=" + b).then().statusCode(403)
                .contentType(PROBLEM);
        given().auth().oauth2(alice).get(ofB).then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(alice).contentType("application/json").body(SUNDAY_TOKYO.replace("Sunday", "Mine"))
                .put(ofB).then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(alice).delete(ofB).then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(alice).contentType("application/json").body(oneOff(b, Instant.now(),
                Instant.now().plusSeconds(60))).post("/v1/maintenance-windows").then().statusCode(403)
                .contentType(PROBLEM);
        // a window stays with its tenant: naming another one on PUT finds nothing to replace there
        String staff = TestInfra.staffToken("supervisor", List.of(a, b));
        given().auth().oauth2(staff).contentType("application/json")
                .body(oneOff(a, Instant.now(), Instant.now().plusSeconds(60))).put(ofB).then().statusCode(404);
        given().auth().oauth2(bob).get(ofB).then().statusCode(200).body("name", equalTo("Sunday patching"))
                .body("version", equalTo(0));
        assertEquals(2, ids(staff, "").size());
    }

    @Test
    void customersAndAdminsAreRefusedAndBadTokensChallenged() {
        String tenant = newTenant();
        String location = create(operator(tenant, "olga"), SUNDAY_TOKYO).header("Location");
        for (String token : List.of(TestInfra.token("customer", tenant), TestInfra.adminToken())) {
            given().auth().oauth2(token).get("/v1/maintenance-windows").then().statusCode(403).contentType(PROBLEM);
            given().auth().oauth2(token).get(location).then().statusCode(403).contentType(PROBLEM);
            given().auth().oauth2(token).delete(location).then().statusCode(403).contentType(PROBLEM);
            given().auth().oauth2(token).contentType("application/json").body(SUNDAY_TOKYO).put(location).then()
                    .statusCode(403).contentType(PROBLEM);
            given().auth().oauth2(token).contentType("application/json").body(SUNDAY_TOKYO)
                    .post("/v1/maintenance-windows").then().statusCode(403).contentType(PROBLEM);
        }
        given().auth().oauth2(TestInfra.token("supervisor", tenant)).get(location).then().statusCode(200)
                .body("version", equalTo(0));

        String any = "/v1/maintenance-windows/" + UUID.randomUUID();
        UnauthorizedChecks.assertEveryBadTokenIsChallenged("operator", "acme",
                spec -> spec.get("/v1/maintenance-windows"));
        UnauthorizedChecks.assertEveryBadTokenIsChallenged("operator", "acme", spec -> spec.get(any));
        UnauthorizedChecks.assertEveryBadTokenIsChallenged("operator", "acme", spec -> spec.delete(any));
        UnauthorizedChecks.assertEveryBadTokenIsChallenged("supervisor", "acme",
                spec -> spec.contentType("application/json").body(SUNDAY_TOKYO).put(any));
        UnauthorizedChecks.assertEveryBadTokenIsChallenged("supervisor", "acme",
                spec -> spec.contentType("application/json").body(SUNDAY_TOKYO).post("/v1/maintenance-windows"));
    }
}
