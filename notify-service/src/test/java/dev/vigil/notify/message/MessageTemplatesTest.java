package dev.vigil.notify.message;

import static dev.vigil.notify.TestMessages.TEMPLATES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class MessageTemplatesTest {
    private static final Pattern JAPANESE = Pattern.compile("[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}]");

    /** The four questions every message answers, in the order the reader asks them. */
    private static final List<String> CUSTOMER_EN = List.of("What this means for you:", "What we ",
            "When you will hear from us:");
    private static final List<String> CUSTOMER_JA = List.of("お客様への影響：", "対応：", "次のご連絡：");
    private static final List<String> STAFF_EN = List.of("What it means:", "What to do:", "Next:");
    private static final List<String> STAFF_JA = List.of("意味：", "対応：", "次：");

    @ParameterizedTest
    @EnumSource(MessageKind.class)
    void everyKindReadsInBothLanguagesWithEveryFactAndWithout(MessageKind kind) {
        for (Language language : Language.values()) {
            for (MessageFacts facts : MessageSamples.of(kind, language)) {
                Message message = TEMPLATES.render(kind, language, facts, null);
                String whole = message.plainText();

                assertFalse(message.subject().isBlank(), kind + " " + language);
                assertFalse(message.subject().contains("\n"), "one line: " + message.subject());
                assertFalse(whole.contains("{") || whole.contains("}"), "nothing left unrendered: " + whole);
                assertFalse(whole.contains("null"), "no missing fact shows: " + whole);
                assertTrue(message.body().startsWith(paragraphs(message).get(0)));
                assertTrue(paragraphs(message).get(0).contains(facts.resource()),
                        "what is affected comes first: " + message.body());
                assertEquals(language == Language.JA, JAPANESE.matcher(message.subject() + message.body()).find(),
                        "written in " + language + ": " + message.body());
                List<String> answers = kind.customerFacing()
                        ? (language == Language.JA ? CUSTOMER_JA : CUSTOMER_EN)
                        : (language == Language.JA ? STAFF_JA : STAFF_EN);
                List<String> rest = paragraphs(message).subList(1, paragraphs(message).size());
                for (int i = 0; i < answers.size(); i++) {
                    String answer = answers.get(i);
                    assertTrue(rest.stream().anyMatch(p -> p.contains(answer)), kind + " " + language
                            + " answers '" + answer + "': " + message.body());
                }
            }
        }
    }

    @Test
    void theTechnicalDetailsComeBelowInTheReadersLanguage() {
        Message english = TEMPLATES.render(MessageKind.CONFIRMED, Language.EN,
                MessageSamples.of(MessageKind.CONFIRMED, Language.EN).get(0), null);
        Message japanese = TEMPLATES.render(MessageKind.CONFIRMED, Language.JA,
                MessageSamples.of(MessageKind.CONFIRMED, Language.JA).get(0), null);

        assertEquals(new Message.Detail("Check", "http"), english.details().get(1));
        assertTrue(english.details().contains(new Message.Detail("Severity", "critical")));
        assertTrue(japanese.details().contains(new Message.Detail("重大度", "緊急")));
        assertTrue(japanese.details().contains(new Message.Detail("発生", "2026年11月27日 03:07 JST")),
                japanese.details().toString());
        assertTrue(english.body().indexOf("HTTP probe failed") < 0, "the probe's words stay in the details");
        assertTrue(english.plainText().indexOf("-- Technical details --") > english.plainText().indexOf(
                english.body()));
    }

    @Test
    void aTenantsTemplateIsCheckedOnSamplesWithAndWithoutEveryFact() {
        assertEquals(Optional.empty(), problem("Down: {resource}", "{resource} is down.{#if note} {note}{/if}\n\n"
                + "{#each labels}{it.key}={it.value} {/each}"));

        assertEquals("body", problem("Down", "{#if resource}unclosed").orElseThrow().field());
        String unclosed = problem("Down", "line one\n{#if resource}unclosed").orElseThrow().reason();
        assertTrue(unclosed.contains("line 2"), "a parse error names its line: " + unclosed);
        assertEquals("body", problem("Down", "{customer} is down").orElseThrow().field(),
                "no such fact");
        assertEquals("subject", problem("{note}", "{resource} is down").orElseThrow().field(),
                "the subject is empty when no note was given");
        assertTrue(problem("Down", "{#include other /}").orElseThrow().reason().contains("not allowed"));
        assertTrue(problem("Down", "{#for i in 100000000}x{/for}").orElseThrow().reason().contains("labels"),
                "a loop without end would stall every message of the tenant");
        assertTrue(problem("Down", "{#eval resource /}").isPresent());
    }

    @Test
    void aTemplateThatStillFailsOnRealFactsGivesWayToVigils() {
        MessageFacts facts = MessageSamples.of(MessageKind.RECOVERED, Language.EN).get(0);

        Message message = TEMPLATES.render(MessageKind.RECOVERED, Language.EN, facts,
                new TemplateText("{nothing.here}", "{resource}"));

        assertEquals("Resolved: shop-web-01 is working normally", message.subject());
    }

    private static Optional<MessageTemplates.Problem> problem(String subject, String body) {
        return TEMPLATES.problem(MessageKind.CONFIRMED, Language.EN, new TemplateText(subject, body));
    }

    private static List<String> paragraphs(Message message) {
        return List.of(message.body().split("\\n\\s*\\n"));
    }
}
