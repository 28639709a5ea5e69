package dev.vigil.ingest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.testsupport.DevTokens;
import dev.vigil.testsupport.RawHttp;
import dev.vigil.testsupport.TestInfra;
import dev.vigil.testsupport.UnauthorizedChecks;
import dev.vigil.testsupport.VigilTestResources;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.io.ByteArrayInputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.UUID;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;

/** What ingest refuses before anything is stored or published, and how it says so. */
@QuarkusTest
@WithTestResource(value = VigilTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class RefusedAtTheDoorTest {
    private static final String PROBLEM = "application/problem+json";
    private static final String VALIDATION = "urn:vigil:problem:validation";
    private static final String NUL = "\\u0000";
    private static final String LONE_SURROGATE = "\\ud800";

    @Test
    void textPostgresCannotStoreIsRefusedInEveryAlertFieldNamingIt() {
        String key = issueKey(newTenant());
        String ok = IngestApiTest.alertJson("web-01", "critical", "firing");

        postAlerts(key, ok.replace("HTTP 503", "HTTP" + NUL + "503")).then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo(VALIDATION)).body("errors.field", hasItem("summary"));
        postAlerts(key, "[" + ok + "," + ok + "," + ok.replace("\"prod\"", "\"pr" + LONE_SURROGATE + "od\"") + "]")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("[2].labels.env"));
        postAlerts(key, ok.replace("\"labels\"", "\"annotations\":{\"note\":\"" + NUL + "\"},\"labels\""))
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("annotations.note"));
        postAlerts(key, ok.replace("{\"env\"", "{\"e" + NUL + "nv\""))
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("labels"));
        postAlerts(key, ok.replace("\"web-01\"", "\"web-01\\udc00\"")).then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("resource"));
        postAlerts(key, ok.replace("HTTP 503", "HTTP 503 \\ud83d\\udd25")).then().statusCode(202);
    }

    @Test
    void textPostgresCannotStoreIsRefusedInAdminBodiesNamingTheField() {
        admin().body("{\"id\":\"nul-co\",\"name\":\"Nul" + NUL + "Co\"}").post("/v1/tenants").then().statusCode(400)
                .contentType(PROBLEM).body("type", equalTo(VALIDATION)).body("errors[0].field", equalTo("name"));
        admin().body("{\"name\":\"probe" + LONE_SURROGATE + "\"}").post("/v1/tenants/" + newTenant() + "/ingest-keys")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("name"));
    }

    @Test
    void aKeyNamedTwiceIsRefusedNamingIt() {
        String key = issueKey(newTenant());
        String ok = IngestApiTest.alertJson("web-01", "critical", "firing");

        postAlerts(key, "[" + ok + "," + ok.replace("{\"env\":\"prod\"}", "{\"env\":\"prod\",\"env\":\"dev\"}") + "]")
                .then().statusCode(400).contentType(PROBLEM).body("type", equalTo("urn:vigil:problem:malformed-json"))
                .body("errors[0].field", equalTo("[1].labels.env"));
        postAlerts(key, ok.replace("{\"source\"", "{\"check\":\"ping\",\"source\"")).then().statusCode(400)
                .contentType(PROBLEM).body("errors[0].field", equalTo("check"));
        admin().body("{\"id\":\"dup-co\",\"name\":\"A\",\"name\":\"B\"}").post("/v1/tenants").then().statusCode(400)
                .contentType(PROBLEM).body("type", equalTo("urn:vigil:problem:malformed-json"))
                .body("errors[0].field", equalTo("name"));
    }

    @Test
    void malformedIdsInPathsAre400sNamingTheParameter() {
        String tenant = newTenant();
        admin().urlEncodingEnabled(false).get("/v1/tenants/%00abc").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("id"));
        admin().urlEncodingEnabled(false).get("/v1/tenants/" + tenant + "%0A/ingest-keys").then().statusCode(400)
                .contentType(PROBLEM).body("errors[0].field", equalTo("id"));
        admin().body("{}").post("/v1/tenants/UPPER/ingest-keys").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("id"));
        admin().urlEncodingEnabled(false).delete("/v1/tenants/" + tenant + "/ingest-keys/%00").then().statusCode(400)
                .contentType(PROBLEM).body("errors[0].field", equalTo("keyId"));
        admin().delete("/v1/tenants/" + tenant + "/ingest-keys/1-2-3-4-5").then().statusCode(400)
                .contentType(PROBLEM).body("errors[0].field", equalTo("keyId"));
        admin().delete("/v1/tenants/" + tenant + "/ingest-keys/" + UUID.randomUUID()).then().statusCode(404)
                .contentType(PROBLEM);
    }

    @Test
    void aBodyOverTheLimitIsA413Problem() {
        String key = issueKey(newTenant());
        String padding = "x".repeat(2 * 1024 * 1024 + 1);

        postAlerts(key, "{\"summary\":\"" + padding + "\"}").then().statusCode(413).contentType(PROBLEM)
                .body("type", equalTo("urn:vigil:problem:payload-too-large"));
    }

    /**
     * Only the status: Quarkus cuts a chunked body off while reading it and answers by itself, without a body
     * (see README, "What the HTTP layer answers").
     */
    @Test
    void aChunkedBodyGrowingOverTheLimitIsRefusedWith413() throws Exception {
        String key = issueKey(newTenant());
        byte[] chunk = "x".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + RestAssured.port + "/v1/alerts"))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new SequenceInputStream(Collections.enumeration(
                        Collections.nCopies(40, chunk).stream().map(ByteArrayInputStream::new).toList()))))
                .build();

        // HTTP/1.1: over h2c the server's GOAWAY after the 413 can reach the client before the answer does
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofString());

        assertEquals(413, response.statusCode());
    }

    @Test
    void aUriOverTheLimitIsA414Problem() {
        admin().get("/v1/tenants/" + "a".repeat(5000)).then().statusCode(414).contentType(PROBLEM)
                .body("type", equalTo("urn:vigil:problem:uri-too-long"));
        admin().get("/v1/tenants?filler=" + "a".repeat(5000)).then().statusCode(414).contentType(PROBLEM);
    }

    @Test
    void whatTheHttpLayerRefusesIsAProblemToo() {
        admin().get("/v1/no-such-thing").then().statusCode(404).contentType(PROBLEM)
                .body("type", equalTo("urn:vigil:problem:not-found"));
        RawHttp.Answer withoutHost = RawHttp.send(RestAssured.port, "GET /v1/tenants HTTP/1.1\r\nConnection: close\r\n\r\n");
        assertEquals(400, withoutHost.status(), withoutHost.head());
        assertEquals(PROBLEM, withoutHost.header("Content-Type"), withoutHost.head());
        admin().put("/v1/tenants").then().statusCode(405).contentType(PROBLEM)
                .body("type", equalTo("urn:vigil:problem:method-not-allowed"));
        admin().accept("application/xml").get("/v1/tenants").then().statusCode(406).contentType(PROBLEM)
                .body("type", equalTo("urn:vigil:problem:not-acceptable"));
        admin().contentType(ContentType.XML).body("<tenant/>").post("/v1/tenants").then().statusCode(415)
                .contentType(PROBLEM).body("type", equalTo("urn:vigil:problem:unsupported-media-type"));
        for (String notAMediaType : new String[] {"", "json", "application/", "/json", "application json"}) {
            for (String path : new String[] {"/v1/tenants", "/v1/ingest/nagios", "/v1/alerts"}) {
                RawHttp.Answer answer = RawHttp.send(RestAssured.port, "POST " + path + " HTTP/1.1\r\nHost: localhost"
                        + "\r\nContent-Type: " + notAMediaType + "\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");
                assertEquals(415, answer.status(), path + " with Content-Type '" + notAMediaType + "': " + answer.head());
                assertEquals(PROBLEM, answer.header("Content-Type"), answer.head());
            }
        }
    }

    @Test
    void everyRefusedTokenIsA401WithABearerChallenge() {
        UnauthorizedChecks.assertEveryBadTokenIsChallenged("admin", null, spec -> spec.get("/v1/tenants"));
        UnauthorizedChecks.assertEveryBadTokenIsChallenged("admin", null,
                spec -> spec.contentType(ContentType.JSON).body("{}").post("/v1/tenants/acme/ingest-keys"));
    }

    @Test
    void aMissingOrUnknownIngestKeyIsA401WithABearerChallenge() {
        String body = IngestApiTest.alertJson("web-01", "critical", "firing");
        given().contentType(ContentType.JSON).body(body).post("/v1/alerts").then().statusCode(401)
                .contentType(PROBLEM).header("WWW-Authenticate", "Bearer");
        postAlerts("vik_unknown", body).then().statusCode(401).contentType(PROBLEM).header("WWW-Authenticate", "Bearer");
    }

    @Test
    void aTokenIssuedWithinTheClockSkewIsAccepted() {
        String token = TestInfra.token("admin", null, claims -> {
            claims.setClaim(DevTokens.TENANTS_CLAIM, DevTokens.ALL_TENANTS);
            claims.setIssuedAt(NumericDate.fromSeconds(NumericDate.now().getValue() + 30));
        });
        given().auth().oauth2(token).get("/v1/tenants").then().statusCode(200);
    }

    private static io.restassured.response.Response postAlerts(String key, String body) {
        return given().auth().oauth2(key).contentType(ContentType.JSON).body(body).post("/v1/alerts");
    }

    private static RequestSpecification admin() {
        return given().auth().oauth2(TestInfra.adminToken()).contentType(ContentType.JSON);
    }

    private static String newTenant() {
        String id = "d-" + UUID.randomUUID().toString().substring(0, 8);
        admin().body("{\"id\":\"" + id + "\",\"name\":\"Tenant " + id + "\"}").post("/v1/tenants")
                .then().statusCode(201);
        return id;
    }

    private static String issueKey(String tenant) {
        return admin().body("{}").post("/v1/tenants/" + tenant + "/ingest-keys").then().statusCode(201)
                .extract().path("key");
    }
}
