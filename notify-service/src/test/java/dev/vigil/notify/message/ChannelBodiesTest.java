package dev.vigil.notify.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.contracts.Json;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ChannelBodiesTest {
    private static final List<Message.Detail> DETAILS = List.of(new Message.Detail("Resource", "shop-web-01"),
            new Message.Detail("Summary", "<script>alert(1)</script> & <!channel>"));

    @Test
    void slackGetsAHeaderASectionPerParagraphAndTheDetailsAsFields() throws Exception {
        Message message = new Message("Service problem: shop-web-01", "First.\n\nSecond <@U123> & more.\n\nThird.",
                "Technical details", DETAILS);

        JsonNode body = Json.mapper().readTree(SlackBody.of(message));

        assertEquals("Service problem: shop-web-01", body.path("text").asText());
        List<String> types = types(body);
        assertEquals(List.of("header", "section", "section", "section", "divider", "context", "section"), types);
        assertEquals("Second &lt;@U123&gt; &amp; more.", body.at("/blocks/2/text/text").asText(),
                "no mention, link or entity from a message's text");
        assertEquals("*Summary*\n&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;!channel&gt;",
                body.at("/blocks/6/fields/1/text").asText());
        assertFalse(body.at("/blocks/1").has("fields"), "members left null are not sent");
    }

    @Test
    void slackStaysWithinItsLimitsHoweverLongTheMessage() throws Exception {
        String paragraphs = IntStream.range(0, 400).mapToObj(i -> "Paragraph " + i + " " + "x".repeat(20))
                .collect(Collectors.joining("\n\n"));
        Message message = new Message("S".repeat(400), paragraphs + "\n\n" + "y".repeat(5000), "Details",
                IntStream.range(0, 14).mapToObj(i -> new Message.Detail("Label " + i, "v".repeat(3000))).toList());

        JsonNode body = Json.mapper().readTree(SlackBody.of(message));

        assertTrue(body.path("blocks").size() <= 50, "blocks: " + body.path("blocks").size());
        assertTrue(body.at("/blocks/0/text/text").asText().length() <= 150);
        for (JsonNode block : body.path("blocks")) {
            assertTrue(block.path("text").path("text").asText().length() <= 3000);
            assertTrue(block.path("fields").size() <= 10);
            block.path("fields").forEach(field -> assertTrue(field.path("text").asText().length() <= 2000));
        }
        assertTrue(body.toString().contains("Paragraph 399"), "nothing of the body is dropped");
    }

    @Test
    void anEmailHasTheSameWordsAsTextAndAsEscapedHtml() {
        Message message = new Message("Problem: <b>shop</b>", "What happened.\nSecond line.\n\nWhat now.",
                "Technical details", DETAILS);

        EmailBody email = EmailBody.of(message, Language.EN);

        assertEquals("Problem: <b>shop</b>", email.subject());
        assertTrue(email.text().startsWith("Problem: <b>shop</b>\n\nWhat happened.\nSecond line.\n\nWhat now."));
        assertTrue(email.text().contains("-- Technical details --\nResource: shop-web-01\n"), email.text());
        assertTrue(email.html().contains("<h2>Problem: &lt;b&gt;shop&lt;/b&gt;</h2>"), email.html());
        assertTrue(email.html().contains("<p>What happened.<br>Second line.</p>\n<p>What now.</p>"), email.html());
        assertTrue(email.html().contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;!channel&gt;"));
        assertFalse(email.html().contains("<script>"));
        assertEquals(email, EmailBody.read(email.toJson()), "stored and read back unchanged");
    }

    private static List<String> types(JsonNode body) {
        return IntStream.range(0, body.path("blocks").size()).mapToObj(i -> body.path("blocks").get(i)
                .path("type").asText()).toList();
    }
}
