package dev.vigil.notify.message;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.vigil.contracts.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * A message as a Slack-compatible incoming webhook takes it: {@code text} for notifications and clients without
 * blocks, and Block Kit blocks: a header, a section per paragraph, and the technical details as fields below a
 * divider. Within Slack's limits (header 150, section 3,000, field 2,000 characters, 10 fields a section).
 */
public final class SlackBody {
    private static final int HEADER_MAX = 150;
    private static final int SECTION_MAX = 3000;
    private static final int FIELD_MAX = 2000;
    private static final int FIELDS_PER_SECTION = 10;
    private static final int MAX_SECTIONS = 30;

    private SlackBody() {
    }

    /** A block of Slack's Block Kit; members left null are not sent. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Block(String type, Text text, List<Text> fields, List<Text> elements) {
    }

    record Text(String type, String text) {
    }

    record Payload(String text, List<Block> blocks) {
    }

    public static String of(Message message) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block("header", new Text("plain_text", cut(message.subject(), HEADER_MAX)), null, null));
        sections(escape(message.body())).forEach(text -> blocks.add(new Block("section", markdown(text), null, null)));
        List<Message.Detail> details = message.details();
        if (!details.isEmpty()) {
            blocks.add(new Block("divider", null, null, null));
            blocks.add(new Block("context", null, null,
                    List.of(markdown("*" + escape(message.detailsTitle()) + "*"))));
            for (int from = 0; from < details.size(); from += FIELDS_PER_SECTION) {
                List<Text> fields = details.subList(from, Math.min(details.size(), from + FIELDS_PER_SECTION))
                        .stream().map(detail -> markdown(cut("*" + escape(detail.label()) + "*\n"
                                + escape(detail.value()), FIELD_MAX))).toList();
                blocks.add(new Block("section", null, fields, null));
            }
        }
        return Json.write(new Payload(message.subject(), blocks));
    }

    /**
     * The body's paragraphs, a section each; past {@link #MAX_SECTIONS}, as many to a section as fit, so that even the
     * longest message a template may write stays within Slack's 50 blocks.
     */
    private static List<String> sections(String body) {
        List<String> sections = new ArrayList<>();
        for (String paragraph : body.split("\\n\\s*\\n")) {
            String text = cut(paragraph.strip(), SECTION_MAX);
            if (text.isEmpty()) {
                continue;
            }
            int last = sections.size() - 1;
            if (sections.size() >= MAX_SECTIONS && sections.get(last).length() + 2 + text.length() <= SECTION_MAX) {
                sections.set(last, sections.get(last) + "\n\n" + text);
            } else {
                sections.add(text);
            }
        }
        return sections;
    }

    private static Text markdown(String text) {
        return new Text("mrkdwn", text);
    }

    /** The three characters Slack's markup reserves: a value can then not ping a channel or forge a link. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
