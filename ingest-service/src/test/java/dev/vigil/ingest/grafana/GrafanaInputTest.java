package dev.vigil.ingest.grafana;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.contracts.Alert;
import dev.vigil.contracts.AlertStatus;
import dev.vigil.contracts.Severity;
import dev.vigil.contracts.Topics;
import dev.vigil.ingest.TestTenants;
import dev.vigil.testsupport.VigilTestResources;
import dev.vigil.testsupport.fuzz.TopicLength;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = VigilTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class GrafanaInputTest {
    private static final String PATH = "/v1/ingest/grafana";
    private static final String PROBLEM = "application/problem+json";

    @Test
    void aContactPointNotificationIsPublishedAsOneAlertPerGrafanaAlert() {
        TestTenants tenant = TestTenants.register();

        post(tenant.key(), GrafanaWebhookTest.FIRING).then().statusCode(202).body("accepted", equalTo(2))
                .body("alerts.fingerprint", equalTo(List.of("grafana:c6eadffa33fcdf37", "grafana:bc97ff14869b13e3")));

        List<Alert> published = tenant.published(Duration.ofSeconds(30), alerts -> alerts.size() >= 2);
        Alert memory = published.stream().filter(a -> a.check().equals("High memory usage")).findFirst().orElseThrow();
        assertEquals("grafana:c6eadffa33fcdf37", memory.fingerprint());
        assertEquals("grafana", memory.source());
        assertEquals("web-01:9100", memory.resource());
        assertEquals(Severity.CRITICAL, memory.severity());
        assertEquals(AlertStatus.FIRING, memory.status());
        assertEquals("ddlo3rc4dq", memory.labels().get("__alert_rule_uid__"));
        assertEquals("Web", memory.labels().get("grafana_folder"));
        assertEquals("https://grafana.example.net/d/host-overview?orgId=1&viewPanel=4",
                memory.annotations().get("panelURL"));
        assertEquals("B=93.4, C=1", memory.annotations().get("values"));
    }

    @Test
    void theResolvedNotificationResolvesTheFiringAlertsFingerprint() {
        TestTenants tenant = TestTenants.register();
        post(tenant.key(), GrafanaWebhookTest.FIRING).then().statusCode(202);
        post(tenant.key(), GrafanaWebhookTest.RESOLVED).then().statusCode(202).body("accepted", equalTo(1));

        List<Alert> memory = tenant.published(Duration.ofSeconds(30), alerts -> alerts.size() >= 3).stream()
                .filter(a -> a.fingerprint().equals("grafana:c6eadffa33fcdf37")).toList();
        assertEquals(List.of(AlertStatus.FIRING, AlertStatus.RESOLVED), memory.stream().map(Alert::status).toList());
    }

    @Test
    void aNotificationSentAgainUnchangedKeepsItsEventIdsSoItCountsOnce() {
        String key = TestTenants.register().key();
        List<String> first = eventIds(post(key, GrafanaWebhookTest.FIRING));
        assertEquals(first, eventIds(post(key, GrafanaWebhookTest.FIRING)),
                "a retry, or the other Grafana of an HA pair: the same events, applied once");
    }

    @Test
    void withoutTheTenantsKeyNothingIsAcceptedOrPublished() {
        try (TopicLength alerts = new TopicLength(Topics.ALERTS)) {
            long before = alerts.now();
            given().contentType(ContentType.JSON).body(GrafanaWebhookTest.FIRING).post(PATH).then().statusCode(401)
                    .contentType(PROBLEM).header("WWW-Authenticate", "Bearer");
            post("vik_not-a-key", GrafanaWebhookTest.FIRING).then().statusCode(401).contentType(PROBLEM);
            String key = TestTenants.register().key();
            given().header("Authorization", "Token " + key).contentType(ContentType.JSON)
                    .body(GrafanaWebhookTest.FIRING).post(PATH).then().statusCode(401).contentType(PROBLEM);
            assertEquals(before, alerts.now());
        }
    }

    @Test
    void anotherTenantsKeyFilesTheAlertsUnderThatTenant() {
        TestTenants mine = TestTenants.register();
        TestTenants other = TestTenants.register();
        post(other.key(), GrafanaWebhookTest.FIRING).then().statusCode(202);
        post(mine.key(), GrafanaWebhookTest.RESOLVED).then().statusCode(202);

        List<Alert> others = other.published(Duration.ofSeconds(30), alerts -> alerts.size() >= 2);
        assertEquals(List.of(AlertStatus.FIRING), others.stream().map(Alert::status).distinct().toList(),
                "the resolve sent with my key is mine, not the other tenant's");
        assertEquals(AlertStatus.RESOLVED, mine.published(Duration.ofSeconds(30), alerts -> !alerts.isEmpty()).get(0)
                .status());
    }

    @Test
    void aPayloadThatIsNotAGrafanaNotificationIsRefusedNamingTheMemberAndPublishesNothing() {
        String key = TestTenants.register().key();
        try (TopicLength alerts = new TopicLength(Topics.ALERTS)) {
            long before = alerts.now();
            post(key, "{\"receiver\": \"vigil\", \"orgId\": 1}").then().statusCode(400).contentType(PROBLEM)
                    .body("errors[0].field", equalTo("alerts"));
            ObjectNode pending = GrafanaWebhookTest.tree(GrafanaWebhookTest.FIRING);
            ((ObjectNode) pending.get("alerts").get(1)).put("status", "pending");
            post(key, pending.toString()).then().statusCode(400).body("errors[0].field", equalTo("alerts[1].status"));
            post(key, GrafanaWebhookTest.FIRING.replace("\"rulename\": \"Disk usage\"", "\"rulename\": 7")).then()
                    .statusCode(400).body("errors[0].field", equalTo("alerts[1].labels.rulename"));
            post(key, "{\"alerts\": ").then().statusCode(400).body("type", equalTo("urn:vigil:problem:malformed-json"));
            post(key, "{\"alerts\": [], \"alerts\": []}").then().statusCode(400)
                    .body("type", equalTo("urn:vigil:problem:malformed-json"));
            assertEquals(before, alerts.now());
        }
    }

    @Test
    void anOversizeNotificationIsRefused() {
        String key = TestTenants.register().key();
        String padding = "x".repeat(2 * 1024 * 1024 + 1);
        post(key, GrafanaWebhookTest.FIRING.replace("**Firing**", padding)).then().statusCode(413)
                .contentType(PROBLEM);
        String tooMany = IntStream.range(0, 1001).mapToObj(i -> "{\"status\": \"firing\", \"labels\":"
                + " {\"alertname\": \"A" + i + "\"}}").collect(Collectors.joining(",", "{\"alerts\": [", "]}"));
        post(key, tooMany).then().statusCode(413).contentType(PROBLEM);
    }

    private static List<String> eventIds(Response response) {
        return response.then().statusCode(202).extract().jsonPath().getList("alerts.eventId", String.class);
    }

    private static Response post(String key, String body) {
        return given().auth().oauth2(key).contentType(ContentType.JSON).body(body).post(PATH);
    }
}
