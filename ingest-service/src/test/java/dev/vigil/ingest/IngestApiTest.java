package dev.vigil.ingest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.vigil.contracts.Alert;
import dev.vigil.contracts.AlertStatus;
import dev.vigil.contracts.CloudEventHeaders;
import dev.vigil.contracts.EventTypes;
import dev.vigil.contracts.Json;
import dev.vigil.contracts.Severity;
import dev.vigil.contracts.Topics;
import dev.vigil.testsupport.TestInfra;
import dev.vigil.testsupport.VigilTestResources;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = VigilTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class IngestApiTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String PROBLEM = "application/problem+json";

    @Test
    void anAcceptedAlertIsOnTheBrokerKeyedByTenantAndFingerprintAsACloudEvent() throws JsonProcessingException {
        String tenant = newTenant();
        String key = issueKey(tenant);
        String resource = "web-" + UUID.randomUUID();

        String eventId = given().auth().oauth2(key).contentType(ContentType.JSON)
                .body(alertJson(resource, "critical", "firing"))
                .post("/v1/alerts").then().statusCode(202).body("accepted", equalTo(1))
                .extract().path("alerts[0].eventId");

        ConsumerRecord<String, String> record = recordOf(resource);
        Alert alert = Json.read(record.value(), Alert.class);
        assertEquals(tenant, alert.tenant());
        assertEquals(tenant + "/" + alert.fingerprint(), record.key());
        assertEquals(eventId, TestInfra.header(record, CloudEventHeaders.ID));
        assertEquals(EventTypes.ALERT, TestInfra.header(record, CloudEventHeaders.TYPE));
        assertEquals(tenant, TestInfra.header(record, CloudEventHeaders.TENANT));
        assertEquals(Severity.CRITICAL, alert.severity());
        assertEquals(AlertStatus.FIRING, alert.status());
        assertEquals("prod", alert.labels().get("env"));
    }

    @Test
    void anArrayIsAcceptedWholeAndTheSameResultKeepsItsFingerprint() {
        String key = issueKey(newTenant());
        String resource = "db-" + UUID.randomUUID();
        String one = alertJson(resource, "major", "firing");

        List<String> fingerprints = given().auth().oauth2(key).contentType(ContentType.JSON)
                .body("[" + one + "," + one + "," + alertJson(resource, "major", "resolved") + "]")
                .post("/v1/alerts").then().statusCode(202).body("accepted", equalTo(3))
                .extract().path("alerts.fingerprint");

        assertEquals(1, fingerprints.stream().distinct().count(), "status does not change the fingerprint");
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyRepublishesTheSameEventIds() {
        String key = issueKey(newTenant());
        String body = "[" + alertJson("web-01", "critical", "firing") + "," + alertJson("web-02", "critical", "firing") + "]";

        List<String> first = given().auth().oauth2(key).header("Idempotency-Key", "probe-7/run-42")
                .contentType(ContentType.JSON).body(body).post("/v1/alerts").then().statusCode(202)
                .extract().path("alerts.eventId");
        List<String> retry = given().auth().oauth2(key).header("Idempotency-Key", "probe-7/run-42")
                .contentType(ContentType.JSON).body(body).post("/v1/alerts").then().statusCode(202)
                .extract().path("alerts.eventId");
        List<String> another = given().auth().oauth2(key).header("Idempotency-Key", "probe-7/run-43")
                .contentType(ContentType.JSON).body(body).post("/v1/alerts").then().statusCode(202)
                .extract().path("alerts.eventId");

        assertEquals(first, retry);
        assertEquals(2, first.stream().distinct().count());
        assertFalse(another.contains(first.get(0)));
        given().auth().oauth2(key).header("Idempotency-Key", "with space").contentType(ContentType.JSON).body(body)
                .post("/v1/alerts").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("Idempotency-Key"));
    }

    @Test
    void aDifferentBodyUnderAReusedIdempotencyKeyIsCountedForTheChangedAlerts() {
        String key = issueKey(newTenant());
        String unchanged = alertJson("web-01", "critical", "firing");
        String before = "[" + unchanged + "," + alertJson("web-02", "critical", "firing") + "]";
        String after = "[" + unchanged + "," + alertJson("web-02", "critical", "resolved") + "]";

        List<String> first = given().auth().oauth2(key).header("Idempotency-Key", "probe-7/run-44")
                .contentType(ContentType.JSON).body(before).post("/v1/alerts").then().statusCode(202)
                .extract().path("alerts.eventId");
        List<String> reused = given().auth().oauth2(key).header("Idempotency-Key", "probe-7/run-44")
                .contentType(ContentType.JSON).body(after).post("/v1/alerts").then().statusCode(202)
                .extract().path("alerts.eventId");

        assertEquals(first.get(0), reused.get(0), "an unchanged alert is still a retry, counted once");
        assertFalse(first.contains(reused.get(1)), "a changed alert gets a new id, so triage counts it");
    }

    @Test
    void theTenantComesFromTheKeyNeverFromTheBody() throws JsonProcessingException {
        String tenant = newTenant();
        String key = issueKey(tenant);
        String resource = "spoof-" + UUID.randomUUID();
        String body = alertJson(resource, "info", "firing").replace("{", "{\"tenant\":\"someone-else\",");

        given().auth().oauth2(key).contentType(ContentType.JSON).body(body).post("/v1/alerts").then().statusCode(202);

        assertEquals(tenant, Json.read(recordOf(resource).value(), Alert.class).tenant());
    }

    @Test
    void aBadElementRefusesTheWholeRequestNamingEachField() {
        String key = issueKey(newTenant());
        String resource = "half-" + UUID.randomUUID();

        given().auth().oauth2(key).contentType(ContentType.JSON)
                .body("[" + alertJson(resource, "critical", "firing") + ","
                        + alertJson(resource, "catastrophic", "exploded") + "]")
                .post("/v1/alerts").then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:vigil:problem:validation"))
                .body("errors.field", hasItem("[1].severity"))
                .body("errors.field", hasItem("[1].status"));

        String marker = "marker-" + UUID.randomUUID();
        given().auth().oauth2(key).contentType(ContentType.JSON).body(alertJson(marker, "info", "firing"))
                .post("/v1/alerts").then().statusCode(202);
        List<ConsumerRecord<String, String>> seen = TestInfra.consume(Topics.ALERTS, WAIT,
                records -> records.stream().anyMatch(r -> r.value().contains(marker)));
        assertTrue(seen.stream().anyMatch(r -> r.value().contains(marker)));
        assertFalse(seen.stream().anyMatch(r -> r.value().contains(resource)), "nothing of the refused request");
    }

    @Test
    void badBodiesAreAnsweredWithProblemDetails() {
        String key = issueKey(newTenant());
        post(key, "{\"source\": ").then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:vigil:problem:malformed-json"));
        post(key, "").then().statusCode(400).contentType(PROBLEM);
        post(key, "[]").then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("$"));
        post(key, "42").then().statusCode(400).contentType(PROBLEM);
        post(key, "{\"source\":\"nagios\",\"check\":\"http\",\"severity\":\"critical\"}").then().statusCode(400)
                .contentType(PROBLEM).body("errors.field", hasItem("resource"));
        post(key, alertJson("r", "critical", "firing").replace("\"labels\":{\"env\":\"prod\"}", "\"labels\":{\"env\":3}"))
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("labels.env"));
        post(key, alertJson("r", "critical", "firing").replace("{", "{\"observedAt\":\"yesterday\","))
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("observedAt"));
        post(key, alertJson("r", "critical", "firing").replace("{", "{\"observedAt\":\"+999999999-12-31T23:59:59Z\","))
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("observedAt"));
        StringBuilder tooMany = new StringBuilder("[");
        for (int i = 0; i < 1001; i++) {
            tooMany.append(i == 0 ? "" : ",").append(alertJson("r" + i, "info", "firing"));
        }
        post(key, tooMany + "]").then().statusCode(413).contentType(PROBLEM);
        given().auth().oauth2(key).contentType(ContentType.TEXT).body("hello").post("/v1/alerts")
                .then().statusCode(415).contentType(PROBLEM);
    }

    @Test
    void alertsWithoutAValidIngestKeyAreRefused() {
        String body = alertJson("web-01", "critical", "firing");
        given().contentType(ContentType.JSON).body(body).post("/v1/alerts").then().statusCode(401).contentType(PROBLEM);
        post("vik_not-a-real-key", body).then().statusCode(401).contentType(PROBLEM);
        post(TestInfra.adminToken(), body).then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void onlyAnAdminManagesTenantsAndKeys() {
        String tenant = newTenant();
        given().contentType(ContentType.JSON).body("{\"id\":\"x-co\",\"name\":\"X\"}").post("/v1/tenants")
                .then().statusCode(401).contentType(PROBLEM);
        given().auth().oauth2(TestInfra.token("operator", tenant)).contentType(ContentType.JSON)
                .body("{\"id\":\"x-co\",\"name\":\"X\"}").post("/v1/tenants").then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(TestInfra.token("operator", tenant)).get("/v1/tenants").then().statusCode(403)
                .contentType(PROBLEM);
        given().auth().oauth2(TestInfra.token("customer", tenant)).get("/v1/tenants/" + tenant).then().statusCode(403)
                .contentType(PROBLEM);
        given().auth().oauth2(TestInfra.token("supervisor", tenant)).contentType(ContentType.JSON).body("{}")
                .post("/v1/tenants/" + tenant + "/ingest-keys").then().statusCode(403).contentType(PROBLEM);
    }

    @Test
    void tenantRegistrationValidatesAndRefusesDuplicates() {
        String tenant = newTenant();
        admin().body("{\"id\":\"" + tenant + "\",\"name\":\"Again\"}").post("/v1/tenants").then().statusCode(409)
                .contentType(PROBLEM).body("type", equalTo("urn:vigil:problem:conflict"));
        admin().body("{\"id\":\"Not Valid!\",\"name\":\"X\"}").post("/v1/tenants").then().statusCode(400)
                .contentType(PROBLEM).body("errors.field", hasItem("id"));
        admin().body("{\"id\":\"ok-id\"}").post("/v1/tenants").then().statusCode(400)
                .contentType(PROBLEM).body("errors.field", hasItem("name"));
        admin().body("{\"id\": [1]}").post("/v1/tenants").then().statusCode(400).contentType(PROBLEM);
        admin().body("{\"id\":").post("/v1/tenants").then().statusCode(400).contentType(PROBLEM);
        admin().body("{}").post("/v1/tenants/no-such-tenant/ingest-keys").then().statusCode(404).contentType(PROBLEM);
        admin().get("/v1/tenants/no-such-tenant").then().statusCode(404).contentType(PROBLEM);
        admin().get("/v1/tenants/" + tenant).then().statusCode(200).body("id", equalTo(tenant));
    }

    @Test
    void anIssuedKeyIsShownOnceAndWorksAtOnce() {
        String tenant = newTenant();
        admin().body("{\"name\":\"zabbix-1\"}").post("/v1/tenants/" + tenant + "/ingest-keys").then().statusCode(201)
                .body("key", startsWith("vik_")).body("tenant", equalTo(tenant)).body("name", equalTo("zabbix-1"));
    }

    @Test
    void aRevokedKeyIsRefusedAtOnceAndListedWithoutItsSecret() {
        String tenant = newTenant();
        String other = newTenant();
        String id = admin().body("{\"name\":\"old-probe\"}").post("/v1/tenants/" + tenant + "/ingest-keys")
                .then().statusCode(201).extract().path("id");
        String key = admin().body("{}").post("/v1/tenants/" + tenant + "/ingest-keys").then().statusCode(201)
                .extract().path("key");
        String revokedKey = given().auth().oauth2(TestInfra.adminToken()).get("/v1/tenants/" + tenant + "/ingest-keys")
                .then().statusCode(200).body("items", org.hamcrest.Matchers.hasSize(2))
                .body("items[1].key", org.hamcrest.Matchers.nullValue()).body("items[1].prefix", startsWith("vik_"))
                .body("items[1].name", equalTo("old-probe"))
                .extract().path("items[1].id");
        assertEquals(id, revokedKey);

        admin().delete("/v1/tenants/" + other + "/ingest-keys/" + id).then().statusCode(404).contentType(PROBLEM);
        admin().delete("/v1/tenants/" + tenant + "/ingest-keys/" + id).then().statusCode(204);
        admin().delete("/v1/tenants/" + tenant + "/ingest-keys/" + id).then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(TestInfra.token("operator", tenant)).delete("/v1/tenants/" + tenant + "/ingest-keys/" + id)
                .then().statusCode(403).contentType(PROBLEM);
        admin().get("/v1/tenants/" + tenant + "/ingest-keys").then()
                .body("items.find { it.name == 'old-probe' }.revokedAt", org.hamcrest.Matchers.notNullValue());
        post(key, alertJson("web-01", "info", "firing")).then().statusCode(202);
    }

    @Test
    void theKeyOfARevocationIsRefusedImmediately() {
        String tenant = newTenant();
        var issued = admin().body("{}").post("/v1/tenants/" + tenant + "/ingest-keys").then().statusCode(201).extract();
        String key = issued.path("key");
        post(key, alertJson("web-01", "info", "firing")).then().statusCode(202);

        admin().delete("/v1/tenants/" + tenant + "/ingest-keys/" + issued.path("id")).then().statusCode(204);

        post(key, alertJson("web-01", "info", "firing")).then().statusCode(401).contentType(PROBLEM);
    }

    private static io.restassured.response.Response post(String key, String body) {
        return given().auth().oauth2(key).contentType(ContentType.JSON).body(body).post("/v1/alerts");
    }

    private static io.restassured.specification.RequestSpecification admin() {
        return given().auth().oauth2(TestInfra.adminToken()).contentType(ContentType.JSON);
    }

    private static String newTenant() {
        String id = "t-" + UUID.randomUUID().toString().substring(0, 8);
        admin().body("{\"id\":\"" + id + "\",\"name\":\"Tenant " + id + "\"}").post("/v1/tenants")
                .then().statusCode(201).body("id", equalTo(id));
        return id;
    }

    private static String issueKey(String tenant) {
        return admin().body("{}").post("/v1/tenants/" + tenant + "/ingest-keys").then().statusCode(201)
                .extract().path("key");
    }

    private static ConsumerRecord<String, String> recordOf(String resource) {
        return TestInfra.consume(Topics.ALERTS, WAIT, records -> records.stream().anyMatch(r -> r.value().contains(resource)))
                .stream().filter(r -> r.value().contains(resource)).findFirst().orElseThrow();
    }

    static String alertJson(String resource, String severity, String status) {
        return "{\"source\":\"nagios\",\"resource\":\"" + resource + "\",\"check\":\"http\",\"severity\":\""
                + severity + "\",\"status\":\"" + status + "\",\"summary\":\"HTTP 503\",\"labels\":{\"env\":\"prod\"}}";
    }
}
