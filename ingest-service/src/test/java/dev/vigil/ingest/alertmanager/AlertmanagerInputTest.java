package dev.vigil.ingest.alertmanager;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.vigil.contracts.Alert;
import dev.vigil.contracts.AlertStatus;
import dev.vigil.contracts.Severity;
import dev.vigil.ingest.TestTenants;
import dev.vigil.testsupport.VigilTestResources;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = VigilTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class AlertmanagerInputTest {
    private static final String PATH = "/v1/ingest/alertmanager";
    private static final String PROBLEM = "application/problem+json";

    @Test
    void aWebhookCallIsPublishedAsOneAlertPerAlertmanagerAlert() {
        TestTenants tenant = TestTenants.register();

        post(tenant.key(), AlertmanagerWebhookTest.FIRING).then().statusCode(202).body("accepted", equalTo(2))
                .body("alerts.fingerprint", hasItem("alertmanager:4e2c1a9b7f3d8e60"));

        List<Alert> published = tenant.published(Duration.ofSeconds(30), alerts -> alerts.size() >= 2);
        Alert disk = published.stream().filter(a -> a.check().equals("DiskFull")).findFirst().orElseThrow();
        assertEquals("alertmanager:4e2c1a9b7f3d8e60", disk.fingerprint());
        assertEquals(Severity.CRITICAL, disk.severity());
        assertEquals(AlertStatus.FIRING, disk.status());
        assertEquals("db-01:9100", disk.resource());
    }

    @Test
    void aNotificationSentAgainUnchangedKeepsItsEventIdsSoItCountsOnce() {
        String key = TestTenants.register().key();
        List<String> first = post(key, AlertmanagerWebhookTest.FIRING).then().statusCode(202).extract().jsonPath()
                .getList("alerts.eventId", String.class);
        List<String> again = post(key, AlertmanagerWebhookTest.FIRING).then().statusCode(202).extract().jsonPath()
                .getList("alerts.eventId", String.class);
        assertEquals(first, again, "a retry, a repeat or the other HA replica: the same events, applied once");
        String resolved = AlertmanagerWebhookTest.FIRING
                .replace("\"status\": \"firing\"", "\"status\": \"resolved\"");
        List<String> resolution = post(key, resolved).then().statusCode(202).extract().jsonPath()
                .getList("alerts.eventId", String.class);
        assertNotEquals(first.get(0), resolution.get(0));
    }

    @Test
    void withoutTheTenantsKeyNothingIsAccepted() {
        given().contentType(ContentType.JSON).body(AlertmanagerWebhookTest.FIRING).post(PATH).then().statusCode(401)
                .contentType(PROBLEM).header("WWW-Authenticate", "Bearer");
        post("vik_not-a-key", AlertmanagerWebhookTest.FIRING).then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void aPayloadThatIsNotAnAlertmanagerWebhookIsRefusedNamingTheMember() {
        String key = TestTenants.register().key();
        post(key, "{\"version\": \"4\", \"alerts\": []}").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("alerts"));
        post(key, "{\"alerts\": [{\"status\": \"burning\", \"labels\": {\"alertname\": \"X\"}}]}").then()
                .statusCode(400).body("errors[0].field", equalTo("alerts[0].status"));
        post(key, "{\"alerts\": [{\"status\": \"firing\", \"labels\": {\"alertname\": 7}}]}").then()
                .statusCode(400).body("errors[0].field", equalTo("alerts[0].labels.alertname"));
        post(key, "{\"alerts\": ").then().statusCode(400).body("type", equalTo("urn:vigil:problem:malformed-json"));
    }

    private static io.restassured.response.Response post(String key, String body) {
        RequestSpecification request = given().auth().oauth2(key).contentType(ContentType.JSON).body(body);
        return request.post(PATH);
    }
}
