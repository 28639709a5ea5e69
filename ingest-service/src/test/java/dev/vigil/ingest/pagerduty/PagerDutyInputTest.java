package dev.vigil.ingest.pagerduty;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
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
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = VigilTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class PagerDutyInputTest {
    private static final String PATH = "/v1/ingest/pagerduty";
    private static final String ENQUEUE = "/v2/enqueue";
    private static final String PROBLEM = "application/problem+json";

    @Test
    void aTriggerIsAnsweredAsPagerDutyAnswersAndPublishedWithItsDedupKeysFingerprint() {
        TestTenants tenant = TestTenants.register();

        post(PATH, event(PagerDutyEventTest.TRIGGER, tenant.key())).then().statusCode(202)
                .contentType(ContentType.JSON).body("status", equalTo("success"))
                .body("message", equalTo("Event processed")).body("dedup_key", equalTo("samplekeyhere"));

        Alert alert = tenant.published(Duration.ofSeconds(30), alerts -> !alerts.isEmpty()).get(0);
        assertEquals("pagerduty:samplekeyhere", alert.fingerprint());
        assertEquals("pagerduty", alert.source());
        assertEquals(Severity.MAJOR, alert.severity());
        assertEquals(AlertStatus.FIRING, alert.status());
        assertEquals("deploy", alert.check());
        assertEquals("Example alert on host1.example.com", alert.summary());
        assertEquals(Instant.parse("2026-11-25T08:42:58.315Z"), alert.observedAt());
        assertEquals("1500ms", alert.annotations().get("custom_details.ping_time"));
    }

    @Test
    void aResolveResolvesTheTriggersAlert() {
        TestTenants tenant = TestTenants.register();
        post(PATH, event(PagerDutyEventTest.TRIGGER, tenant.key())).then().statusCode(202);
        post(PATH, event(PagerDutyEventTest.RESOLVE, tenant.key())).then().statusCode(202)
                .body("dedup_key", equalTo("samplekeyhere"));

        List<Alert> published = tenant.published(Duration.ofSeconds(30), alerts -> alerts.size() >= 2);
        assertEquals(List.of(AlertStatus.FIRING, AlertStatus.RESOLVED), published.stream().map(Alert::status).toList());
        assertEquals(published.get(0).fingerprint(), published.get(1).fingerprint());
    }

    @Test
    void aTriggerWithoutDedupKeyIsToldTheGeneratedOneAndCanBeResolvedWithIt() {
        TestTenants tenant = TestTenants.register();
        ObjectNode trigger = event(PagerDutyEventTest.TRIGGER, tenant.key());
        trigger.remove("dedup_key");
        String dedupKey = post(PATH, trigger).then().statusCode(202).body("dedup_key", matchesPattern("[0-9a-f]{32}"))
                .extract().path("dedup_key");
        post(PATH, event(PagerDutyEventTest.RESOLVE, tenant.key()).put("dedup_key", dedupKey)).then().statusCode(202);

        List<Alert> published = tenant.published(Duration.ofSeconds(30), alerts -> alerts.size() >= 2);
        assertEquals(List.of("pagerduty:" + dedupKey, "pagerduty:" + dedupKey),
                published.stream().map(Alert::fingerprint).toList());
        assertEquals(AlertStatus.RESOLVED, published.get(1).status());
    }

    @Test
    void pagerDutysOwnPathBehavesIdentically() {
        TestTenants tenant = TestTenants.register();
        String answer = post(PATH, event(PagerDutyEventTest.TRIGGER, tenant.key())).then().statusCode(202).extract()
                .asString();
        String enqueued = post(ENQUEUE, event(PagerDutyEventTest.TRIGGER, tenant.key())).then().statusCode(202)
                .extract().asString();
        assertEquals(answer, enqueued);

        List<Alert> published = tenant.published(Duration.ofSeconds(30), alerts -> alerts.size() >= 2);
        assertEquals(published.get(0).eventId(), published.get(1).eventId(),
                "the same alert with the same event id: a resend counts once, whichever path it took");
        assertEquals(published.get(0).fingerprint(), published.get(1).fingerprint());
        post(ENQUEUE, event("{\"event_action\": \"trigger\"}", tenant.key())).then().statusCode(400)
                .contentType(PROBLEM).body("errors.field", equalTo(List.of("payload.summary", "payload.source",
                        "payload.severity")));
        post(ENQUEUE, PagerDutyEventTest.tree(PagerDutyEventTest.TRIGGER)).then().statusCode(401);
    }

    @Test
    void anAcknowledgementIsTakenAndPublishesNothing() {
        String key = TestTenants.register().key();
        try (TopicLength alerts = new TopicLength(Topics.ALERTS)) {
            long before = alerts.now();
            post(ENQUEUE, event(PagerDutyEventTest.ACKNOWLEDGE, key)).then().statusCode(202)
                    .body("status", equalTo("success")).body("dedup_key", equalTo("samplekeyhere"));
            assertEquals(before, alerts.now());
        }
    }

    @Test
    void theKeyMayComeAsABearerHeaderButNotAsTwoDifferentKeys() {
        TestTenants tenant = TestTenants.register();
        ObjectNode trigger = PagerDutyEventTest.tree(PagerDutyEventTest.TRIGGER);
        trigger.remove("routing_key");
        given().auth().oauth2(tenant.key()).contentType(ContentType.JSON).body(trigger.toString()).post(PATH).then()
                .statusCode(202).body("dedup_key", equalTo("samplekeyhere"));
        assertEquals("pagerduty:samplekeyhere",
                tenant.published(Duration.ofSeconds(30), alerts -> !alerts.isEmpty()).get(0).fingerprint());

        String other = TestTenants.register().key();
        given().auth().oauth2(tenant.key()).contentType(ContentType.JSON)
                .body(event(PagerDutyEventTest.TRIGGER, other).toString()).post(PATH).then().statusCode(401)
                .contentType(PROBLEM);
    }

    @Test
    void withoutALiveKeyNothingIsAcceptedOrPublished() {
        try (TopicLength alerts = new TopicLength(Topics.ALERTS)) {
            long before = alerts.now();
            post(PATH, PagerDutyEventTest.tree(PagerDutyEventTest.TRIGGER)).then().statusCode(401)
                    .contentType(PROBLEM).header("WWW-Authenticate", "Bearer");
            ObjectNode noKey = PagerDutyEventTest.tree(PagerDutyEventTest.TRIGGER);
            noKey.remove("routing_key");
            post(PATH, noKey).then().statusCode(401).contentType(PROBLEM)
                    .body("detail", equalTo("Send the tenant's ingest key as the event's routing_key (or as"
                            + " 'Authorization: Bearer vik_...')"));
            post(PATH, event(PagerDutyEventTest.TRIGGER, "R0123456789abcdef0123456789abcd")).then().statusCode(401);
            post(PATH, event(PagerDutyEventTest.TRIGGER, "vik_not-a-key").put("routing_key", 12345)).then()
                    .statusCode(400).body("errors[0].field", equalTo("routing_key"));
            assertEquals(before, alerts.now());
        }
    }

    @Test
    void aResolveSentWithAnotherTenantsKeyIsThatTenantsAndResolvesNothingOfMine() {
        TestTenants mine = TestTenants.register();
        TestTenants other = TestTenants.register();
        post(PATH, event(PagerDutyEventTest.TRIGGER, mine.key())).then().statusCode(202);
        post(PATH, event(PagerDutyEventTest.RESOLVE, other.key())).then().statusCode(202);

        Alert resolve = other.published(Duration.ofSeconds(30), alerts -> !alerts.isEmpty()).get(0);
        assertEquals(other.tenant(), resolve.tenant(), "triage matches tenant and fingerprint: not my incident");
        assertEquals(List.of(AlertStatus.FIRING), mine.published(Duration.ofSeconds(30), alerts -> !alerts.isEmpty())
                .stream().map(Alert::status).toList());
    }

    @Test
    void eachRefusedMemberIsNamedByItsPathAndNothingIsPublished() {
        String key = TestTenants.register().key();
        try (TopicLength alerts = new TopicLength(Topics.ALERTS)) {
            long before = alerts.now();
            post(PATH, event("{\"event_action\": \"trigger\", \"payload\": {\"summary\": \"x\"}}", key)).then()
                    .statusCode(400).contentType(PROBLEM).body("type", equalTo("urn:vigil:problem:validation"))
                    .body("errors.field", equalTo(List.of("payload.source", "payload.severity")));
            ObjectNode unknownSeverity = event(PagerDutyEventTest.TRIGGER, key);
            ((ObjectNode) unknownSeverity.get("payload")).put("severity", "high");
            post(PATH, unknownSeverity).then().statusCode(400)
                    .body("errors.field", equalTo(List.of("payload.severity")));
            post(PATH, event(PagerDutyEventTest.RESOLVE, key).put("dedup_key", "")).then().statusCode(400)
                    .body("errors.field", equalTo(List.of("dedup_key")));
            post(PATH, event(PagerDutyEventTest.TRIGGER, key).put("event_action", "escalate")).then().statusCode(400)
                    .body("errors.field", equalTo(List.of("event_action")));
            post(PATH, event(PagerDutyEventTest.TRIGGER, key).put("payload", 3)).then().statusCode(400)
                    .body("errors.field", equalTo(List.of("payload")));
            ObjectNode wrongType = event(PagerDutyEventTest.TRIGGER, key);
            ((ObjectNode) wrongType.get("payload")).put("summary", 42);
            post(PATH, wrongType).then().statusCode(400).body("errors.field", equalTo(List.of("payload.summary")));
            given().contentType(ContentType.JSON).body("{\"routing_key\": ").post(PATH).then().statusCode(400)
                    .body("type", equalTo("urn:vigil:problem:malformed-json"));
            assertEquals(before, alerts.now());
        }
    }

    @Test
    void anOversizeEventIsRefused() {
        ObjectNode huge = event(PagerDutyEventTest.TRIGGER, TestTenants.register().key());
        ((ObjectNode) huge.get("payload")).put("summary", "x".repeat(2 * 1024 * 1024 + 1));
        post(PATH, huge).then().statusCode(413).contentType(PROBLEM);
    }

    private static ObjectNode event(String json, String key) {
        return PagerDutyEventTest.tree(json).put("routing_key", key);
    }

    private static Response post(String path, ObjectNode event) {
        return given().contentType(ContentType.JSON).body(event.toString()).post(path);
    }
}
