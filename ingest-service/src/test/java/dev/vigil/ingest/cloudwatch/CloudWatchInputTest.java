package dev.vigil.ingest.cloudwatch;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.contracts.Alert;
import dev.vigil.contracts.AlertStatus;
import dev.vigil.contracts.Json;
import dev.vigil.contracts.Severity;
import dev.vigil.contracts.Topics;
import dev.vigil.ingest.TestTenants;
import dev.vigil.testsupport.VigilTestResources;
import dev.vigil.testsupport.fuzz.TopicLength;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * SNS messages signed as SNS signs them, posted over HTTP to ingest with a real broker: what is published, and every
 * way a message is refused without publishing or fetching anything it should not.
 */
@QuarkusTest
@WithTestResource(value = VigilTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class CloudWatchInputTest {
    private static final String PATH = "/v1/ingest/cloudwatch/";
    private static final String SNS_CONTENT_TYPE = "text/plain; charset=UTF-8";
    private static final String PROBLEM = "application/problem+json";
    private final SnsTestSigner sns = SnsTestSigner.get();

    @Test
    void anAlarmFiresAndItsOkResolvesTheSameAlert() {
        TestTenants tenant = TestTenants.register();

        post(tenant.key(), sns.signed(sns.notification(CloudWatchAlarmTest.ALARM), "1")).then().statusCode(202)
                .body("accepted", equalTo(1));
        given().contentType("application/json").header(SnsMessage.TYPE_HEADER, "Notification")
                .body(sns.signed(sns.notification(CloudWatchAlarmTest.OK), "2")).post(PATH + tenant.key()).then()
                .statusCode(202).body("accepted", equalTo(1));

        List<Alert> published = tenant.published(Duration.ofSeconds(30), alerts -> alerts.size() >= 2);
        Alert fired = published.get(0);
        Alert resolved = published.get(1);
        assertEquals(AlertStatus.FIRING, fired.status());
        assertEquals(AlertStatus.RESOLVED, resolved.status());
        assertEquals("cloudwatch:arn:aws:cloudwatch:eu-west-1:123456789012:alarm:web-01-cpu-high",
                fired.fingerprint());
        assertEquals(fired.fingerprint(), resolved.fingerprint());
        assertEquals("i-0a1b2c3d4e5f60718", fired.resource());
        assertEquals("web-01-cpu-high", fired.check());
        assertEquals(Severity.MAJOR, fired.severity());
        assertEquals("eu-west-1", fired.labels().get("aws_region"));
    }

    @Test
    void aRedeliveredMessageKeepsItsEventIdSoItCountsOnce() {
        String key = TestTenants.register().key();
        Map<String, String> notification = sns.notification(CloudWatchAlarmTest.ALARM);
        String first = post(key, sns.signed(notification, "2")).then().statusCode(202).extract().path("alerts[0].eventId");
        String again = post(key, sns.signed(notification, "2")).then().statusCode(202).extract().path("alerts[0].eventId");
        assertEquals(first, again, "SNS redelivers with the same MessageId: one occurrence");

        notification.put("MessageId", UUID.randomUUID().toString());
        String another = post(key, sns.signed(notification, "2")).then().statusCode(202).extract()
                .path("alerts[0].eventId");
        assertNotEquals(first, another, "another message about the same alarm is another occurrence");
    }

    @Test
    void aSignatureThatDoesNotVerifyIsRefusedAndPublishesNothing() throws Exception {
        String key = TestTenants.register().key();
        try (TopicLength alerts = new TopicLength(Topics.ALERTS)) {
            long before = alerts.now();
            refused(post(key, sns.signedByAnotherKey(sns.notification(CloudWatchAlarmTest.ALARM))), 403, "Signature");
            ObjectNode garbled = tree(sns.signed(sns.notification(CloudWatchAlarmTest.ALARM), "2"));
            garbled.put("Signature", "not base64!");
            refused(post(key, garbled.toString()), 403, "Signature");
            assertEquals(before, alerts.now());
        }
    }

    @Test
    void aFieldChangedAfterSigningIsRefused() {
        String key = TestTenants.register().key();
        ObjectNode message = tree(sns.signed(sns.notification(CloudWatchAlarmTest.ALARM), "2"));
        refused(post(key, message.deepCopy().put("Message", CloudWatchAlarmTest.OK).toString()), 403, "Signature");
        refused(post(key, message.deepCopy().put("Subject", "OK: all is well").toString()), 403, "Signature");
        refused(post(key, message.deepCopy().put("TopicArn", "arn:aws:sns:eu-west-1:123456789012:other").toString()),
                403, "Signature");
        ObjectNode withoutSubject = message.deepCopy();
        withoutSubject.remove("Subject");
        refused(post(key, withoutSubject.toString()), 403, "Signature");
    }

    @Test
    void anUnknownSignatureVersionIsRefused() {
        String key = TestTenants.register().key();
        ObjectNode message = tree(sns.signed(sns.notification(CloudWatchAlarmTest.ALARM), "2"));
        refused(post(key, message.put("SignatureVersion", "3").toString()), 403, "SignatureVersion");
    }

    @Test
    void aCertificateOffSnsIsRefusedWithoutBeingFetched() {
        String key = TestTenants.register().key();
        Map<String, String> notification = sns.notification(CloudWatchAlarmTest.ALARM);
        String offSns = sns.certificateUrl("off-sns").replace("127.0.0.1", "localhost");
        notification.put("SigningCertURL", offSns);
        refused(post(key, sns.signed(notification, "2")), 403, "SigningCertURL");
        notification.put("SigningCertURL", "https://sns.eu-west-1.amazonaws.com.evil.net/cert.pem");
        refused(post(key, sns.signed(notification, "2")), 403, "SigningCertURL");
        assertEquals(0, sns.requestsTo(sns.certificateUrl("off-sns")));
    }

    @Test
    void aSubscribeUrlOffSnsIsRefusedAndNothingIsFetched() {
        String key = TestTenants.register().key();
        Map<String, String> confirmation = sns.confirmation("SubscriptionConfirmation", "off-sns-token");
        String certificate = sns.certificateUrl("off-sns-confirmation");
        confirmation.put("SigningCertURL", certificate);
        confirmation.put("SubscribeURL", confirmation.get("SubscribeURL").replace("127.0.0.1", "localhost"));

        refused(post(key, sns.signed(confirmation, "2"), "SubscriptionConfirmation"), 403, "SubscribeURL");
        assertEquals(0, sns.requestsTo("/confirm"), "the loopback server saw no confirmation");
        assertEquals(0, sns.requestsTo(certificate), "nor a certificate request");
    }

    @Test
    void aStaleMessageIsRefusedAsAReplay() {
        String key = TestTenants.register().key();
        Map<String, String> notification = sns.notification(CloudWatchAlarmTest.ALARM);
        notification.put("Timestamp", Instant.now().minus(Duration.ofMinutes(61)).toString());
        refused(post(key, sns.signed(notification, "2")), 403, "Timestamp");
    }

    @Test
    void aSubscriptionConfirmationIsConfirmedWithExactlyOneGet() {
        String key = TestTenants.register().key();
        String token = "token-" + UUID.randomUUID();
        post(key, sns.signed(sns.confirmation("SubscriptionConfirmation", token), "1"), "SubscriptionConfirmation")
                .then().statusCode(202).body("accepted", equalTo(0));
        assertEquals(1, sns.requestsTo(sns.subscribeUrl(token)));
    }

    @Test
    void anUnsubscribeConfirmationIsTakenWithoutAction() {
        String key = TestTenants.register().key();
        String token = "token-" + UUID.randomUUID();
        post(key, sns.signed(sns.confirmation("UnsubscribeConfirmation", token), "2"), "UnsubscribeConfirmation")
                .then().statusCode(202).body("accepted", equalTo(0));
        assertEquals(0, sns.requestsTo(sns.subscribeUrl(token)));
    }

    @Test
    void aNotificationThatIsNotAnAlarmIsRefusedNamingMessage() {
        String key = TestTenants.register().key();
        refused(post(key, sns.signed(sns.notification("Hello from a test topic"), "2")), 400, "Message");
    }

    @Test
    void withoutTheTenantsKeyNothingIsFetchedOrAccepted() {
        Map<String, String> notification = sns.notification(CloudWatchAlarmTest.ALARM);
        notification.put("SigningCertURL", sns.certificateUrl("wrong-key"));
        given().contentType(SNS_CONTENT_TYPE).body(sns.signed(notification, "2")).post(PATH + "vik_not-a-key").then()
                .statusCode(401).contentType(PROBLEM).header("WWW-Authenticate", "Bearer");
        assertEquals(0, sns.requestsTo(sns.certificateUrl("wrong-key")));
    }

    @Test
    void theKeyInThePathDecidesTheTenant() {
        TestTenants one = TestTenants.register();
        TestTenants other = TestTenants.register();
        String message = sns.signed(sns.notification(CloudWatchAlarmTest.ALARM), "2");
        String oneId = post(one.key(), message).then().statusCode(202).extract().path("alerts[0].eventId");
        String otherId = post(other.key(), message).then().statusCode(202).extract().path("alerts[0].eventId");

        assertNotEquals(oneId, otherId);
        assertEquals(oneId, one.published(Duration.ofSeconds(30), a -> !a.isEmpty()).get(0).eventId().toString());
        assertEquals(otherId, other.published(Duration.ofSeconds(30), a -> !a.isEmpty()).get(0).eventId().toString());
    }

    @Test
    void missingFieldsAndWrongTypesAreRefusedNamingTheField() {
        String key = TestTenants.register().key();
        ObjectNode message = tree(sns.signed(sns.notification(CloudWatchAlarmTest.ALARM), "2"));
        ObjectNode unsigned = message.deepCopy();
        unsigned.remove("Signature");
        refused(post(key, unsigned.toString()), 400, "Signature");
        refused(post(key, message.deepCopy().put("MessageId", 7).toString()), 400, "MessageId");
        refused(post(key, message.deepCopy().put("Type", "Gossip").toString()), 400, "Type");
        refused(post(key, message.deepCopy().put("TopicArn", "arn:aws:sqs:eu-west-1:1:q").toString()), 400,
                "TopicArn");
        refused(post(key, message.deepCopy().put("Timestamp", "yesterday").toString()), 400, "Timestamp");
        refused(post(key, message.toString(), "SubscriptionConfirmation"), 400, SnsMessage.TYPE_HEADER);
        refused(post(key, "[]"), 400, "$");
        post(key, "{\"Type\": ").then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:vigil:problem:malformed-json"));
    }

    @Test
    void anOversizedBodyIsRefused() {
        String key = TestTenants.register().key();
        String huge = sns.signed(sns.notification("x".repeat(3 * 1024 * 1024)), "2");
        post(key, huge).then().statusCode(413).contentType(PROBLEM);
    }

    private static void refused(Response answer, int status, String field) {
        answer.then().statusCode(status).contentType(PROBLEM).body("status", equalTo(status))
                .body("errors[0].field", equalTo(field));
    }

    private static Response post(String key, String body) {
        return post(key, body, "Notification");
    }

    private static Response post(String key, String body, String type) {
        return given().contentType(SNS_CONTENT_TYPE).header(SnsMessage.TYPE_HEADER, type).body(body).post(PATH + key);
    }

    private static ObjectNode tree(String json) {
        try {
            return (ObjectNode) Json.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
