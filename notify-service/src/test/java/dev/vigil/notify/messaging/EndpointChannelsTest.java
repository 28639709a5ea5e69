package dev.vigil.notify.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.contracts.EventIds;
import dev.vigil.contracts.IncidentEvent;
import dev.vigil.contracts.Json;
import dev.vigil.notify.MailServer;
import dev.vigil.notify.NotifyTestResources;
import dev.vigil.notify.TestDeliveries;
import dev.vigil.notify.TestEndpoints;
import dev.vigil.notify.TestIncidents;
import dev.vigil.notify.WebhookReceiver;
import dev.vigil.platform.security.Roles;
import dev.vigil.testsupport.TestInfra;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each channel end to end, from an incident event on the broker to what its receiver gets: email through a real
 * SMTP server in the test JVM, a Slack-compatible webhook, and a JSON webhook in Japanese.
 */
@QuarkusTest
@WithTestResource(value = NotifyTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class EndpointChannelsTest {
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final WebhookReceiver receiver = WebhookReceiver.shared();

    @BeforeAll
    static void startMailServer() {
        MailServer.shared();
    }

    @Test
    void anEmailEndpointGetsOneMailInItsLanguageWithTextAndHtmlEvenWhenTheEventComesTwice() throws Exception {
        String tenant = TestIncidents.newTenant();
        String address = "night-desk@" + tenant + ".example.com";
        TestEndpoints.Registered endpoint = TestEndpoints.registerAs(tenant, Map.of("channel", "email",
                "url", "mailto:" + address, "language", "ja", "timeZone", "Asia/Tokyo"));
        IncidentEvent confirmed = TestIncidents.confirmed(tenant, UUID.randomUUID());
        UUID deliveryId = EventIds.derived(confirmed.eventId(), "delivery", endpoint.id().toString());

        TestIncidents.publish(confirmed);
        TestIncidents.publish(confirmed);

        JsonPath delivered = TestDeliveries.awaitStatus(tenant, confirmed.incidentId(), "delivered");
        assertEquals(250, delivered.getInt("items[0].lastStatusCode"), "the relay's reply");
        List<MimeMessage> mails = MailServer.await(address, 1, DEADLINE);
        Thread.sleep(500);
        assertEquals(1, MailServer.to(address).size(), "one mail, however often the event came");
        MimeMessage mail = mails.get(0);
        assertTrue(mail.getSubject().startsWith("【障害】web-01"), mail.getSubject());
        assertEquals("<" + deliveryId + "@vigil.notify>", mail.getMessageID());
        assertEquals("auto-generated", mail.getHeader("Auto-Submitted", null), "no out-of-office replies, please");
        Multipart parts = (Multipart) mail.getContent();
        String text = part(parts, "text/plain");
        String html = part(parts, "text/html");
        assertTrue(text.contains("お客様への影響") && text.contains("技術情報"), text);
        assertTrue(text.contains("JST"), "times in the endpoint's zone: " + text);
        assertTrue(html.contains("<html lang=\"ja\">") && html.contains("<table"), html);
    }

    @Test
    void aSlackEndpointGetsBlocksSignedLikeEveryWebhook() throws Exception {
        String tenant = TestIncidents.newTenant();
        String path = "/" + tenant + "-slack";
        TestEndpoints.Registered endpoint = TestEndpoints.registerAs(tenant, Map.of("channel", "slack",
                "url", receiver.url(path)));

        TestIncidents.publish(TestIncidents.confirmed(tenant, UUID.randomUUID()));

        await().atMost(DEADLINE).until(() -> receiver.received(path).size() == 1);
        WebhookReceiver.Request request = receiver.received(path).get(0);
        assertTrue(request.signedWith(endpoint.secret()));
        JsonNode body = Json.mapper().readTree(request.body());
        assertTrue(body.path("text").asText().startsWith("Service problem: web-01"), body.toString());
        assertEquals("header", body.at("/blocks/0/type").asText());
        assertEquals("section", body.at("/blocks/1/type").asText());
        assertTrue(body.toString().contains("*Technical details*"), body.toString());
    }

    @Test
    void aWebhookInJapaneseCarriesTheMessageBesideTheIncidentsFields() throws Exception {
        String tenant = TestIncidents.newTenant();
        String path = "/" + tenant + "-ja";
        TestEndpoints.registerAs(tenant, Map.of("url", receiver.url(path), "language", "ja"));

        TestIncidents.publish(TestIncidents.confirmed(tenant, UUID.randomUUID()));

        await().atMost(DEADLINE).until(() -> receiver.received(path).size() == 1);
        JsonNode body = Json.mapper().readTree(receiver.received(path).get(0).body());
        assertEquals("incident.confirmed", body.path("type").asText());
        assertEquals("ja", body.at("/data/language").asText());
        assertTrue(body.at("/data/subject").asText().startsWith("【障害】"), body.toString());
        assertTrue(body.at("/data/message").asText().contains("UTC"), "UTC unless the endpoint says otherwise");
        assertEquals("web-01", body.at("/data/resource").asText());
    }

    @Test
    void aTestSendToAnEmailEndpointReportsTheRelaysAnswer() throws Exception {
        String tenant = TestIncidents.newTenant();
        String address = "desk@" + tenant + ".example.com";
        TestEndpoints.Registered endpoint = TestEndpoints.registerAs(tenant, Map.of("channel", "email",
                "url", "mailto:" + address));

        given().auth().oauth2(TestInfra.token(Roles.CUSTOMER, tenant))
                .when().post("/v1/endpoints/" + endpoint.id() + "/test")
                .then().statusCode(200)
                .body("delivered", equalTo(true))
                .body("statusCode", equalTo(250));

        List<MimeMessage> mails = MailServer.await(address, 1, DEADLINE);
        assertEquals("Test message from Vigil", mails.get(0).getSubject());
    }

    private static String part(Multipart parts, String type) throws Exception {
        for (int i = 0; i < parts.getCount(); i++) {
            var part = parts.getBodyPart(i);
            if (part.isMimeType(type)) {
                return part.getContent().toString();
            }
            if (part.getContent() instanceof Multipart nested) {
                String found = part(nested, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
