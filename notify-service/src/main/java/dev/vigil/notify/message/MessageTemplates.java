package dev.vigil.notify.message;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Expression;
import io.quarkus.qute.SectionNode;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateException;
import io.quarkus.qute.TemplateNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Writes messages from Qute templates: Vigil's own for every kind and language (resources
 * {@code messages/<kind>.<language>.txt}: the subject on the first line, a blank line, then the body), or a tenant's
 * override ({@link TemplateText}). An override is checked when it is saved ({@link #problem}); should one still
 * fail on real facts, the message is written from Vigil's own template instead of not at all.
 */
public class MessageTemplates {
    private static final Logger LOG = Logger.getLogger(MessageTemplates.class);
    /** the sections a tenant's template may use; none can include files, evaluate text or loop without end */
    private static final Set<String> SECTIONS = Set.of("if", "else", "for", "each", "let", "with", "when",
            "switch", "is", "case");
    /** the facts a loop may go over: finite lists, never a range or an expression of the template's own */
    private static final Set<String> LISTS = Set.of("labels", "items");
    private static final int MAX_OUTPUT = 20_000;
    private static final int MAX_CACHED = 10_000;

    private final Engine engine;
    private final Map<MessageKind, Map<Language, TemplateText>> builtIn = new EnumMap<>(MessageKind.class);
    private final Map<TemplateText, Parsed> parsed = new ConcurrentHashMap<>();

    public MessageTemplates(Engine engine) {
        this.engine = engine;
        for (MessageKind kind : MessageKind.values()) {
            Map<Language, TemplateText> languages = new EnumMap<>(Language.class);
            for (Language language : Language.values()) {
                TemplateText text = load(kind, language);
                problem(kind, language, text).ifPresent(problem -> {
                    throw new IllegalStateException("Vigil's " + kind.wireName() + " template in "
                            + language.wireName() + " does not render: " + problem.reason());
                });
                languages.put(language, text);
            }
            builtIn.put(kind, languages);
        }
    }

    /** A reason a template's subject or body cannot be used, naming which. */
    public record Problem(String field, String reason) {
    }

    /** Vigil's own template of {@code kind} in {@code language}. */
    public TemplateText builtIn(MessageKind kind, Language language) {
        return builtIn.get(kind).get(language);
    }

    /** The message {@code override} (or Vigil's own template when null) writes of {@code facts}. */
    public Message render(MessageKind kind, Language language, MessageFacts facts, TemplateText override) {
        if (override != null) {
            try {
                return write(kind, language, facts, override);
            } catch (RuntimeException failure) {
                LOG.warnf("The %s template of tenant %s in %s failed (%s); Vigil's own was used instead",
                        kind.wireName(), facts.tenant(), language.wireName(), failure.getMessage());
            }
        }
        return write(kind, language, facts, builtIn(kind, language));
    }

    /**
     * Why {@code text} cannot serve as the {@code kind} template, if it cannot: it does not parse, uses a section a
     * tenant may not use, or fails to render (or renders an empty subject) on any of the kind's sample facts.
     */
    public Optional<Problem> problem(MessageKind kind, Language language, TemplateText text) {
        Parsed candidate;
        try {
            candidate = new Parsed(parse("subject", text.subject()), parse("body", text.body()));
        } catch (Refused refused) {
            return Optional.of(refused.problem);
        }
        try {
            for (MessageFacts facts : MessageSamples.of(kind, language)) {
                if (oneLine(render("subject", candidate.subject(), facts)).isEmpty()) {
                    return Optional.of(new Problem("subject", "renders empty when the optional facts are absent"));
                }
                render("body", candidate.body(), facts);
            }
        } catch (Refused refused) {
            return Optional.of(refused.problem);
        }
        return Optional.empty();
    }

    private Message write(MessageKind kind, Language language, MessageFacts facts, TemplateText text) {
        Parsed templates = parsed(text);
        String subject = oneLine(templates.subject().render(facts));
        String body = templates.body().render(facts).strip();
        if (subject.isEmpty() || subject.length() > MAX_OUTPUT || body.length() > MAX_OUTPUT) {
            throw new IllegalStateException("it rendered an empty or over-long message");
        }
        return new Message(subject, body, MessageDetails.title(language),
                MessageDetails.of(kind, facts, language));
    }

    private Parsed parsed(TemplateText text) {
        Parsed known = parsed.get(text);
        if (known != null) {
            return known;
        }
        if (parsed.size() > MAX_CACHED) {
            parsed.clear();
        }
        Parsed fresh = new Parsed(engine.parse(text.subject()), engine.parse(text.body()));
        parsed.put(text, fresh);
        return fresh;
    }

    private Template parse(String field, String source) {
        Template template;
        try {
            template = engine.parse(source);
        } catch (TemplateException invalid) {
            TemplateNode.Origin origin = invalid.getOrigin();
            throw new Refused(field, (origin == null ? "" : "line " + origin.getLine() + ": ") + invalid.getMessage());
        }
        for (TemplateNode node : template.findNodes(TemplateNode::isSection)) {
            SectionNode section = node.asSection();
            if (!SECTIONS.contains(section.getName())) {
                throw new Refused(field, "the {#" + section.getName() + "} section is not allowed; use if, for,"
                        + " each, let, with or when");
            }
            boolean loop = section.getName().equals("for") || section.getName().equals("each");
            if (loop && !section.getBlocks().get(0).expressions.values().stream()
                    .allMatch(MessageTemplates::listOfFacts)) {
                throw new Refused(field, "{#" + section.getName() + "} may only go over labels or items");
            }
        }
        return template;
    }

    /** The facts' own finite lists: the labels, and a handover's items. */
    private static boolean listOfFacts(Expression expression) {
        String name = expression.toOriginalString();
        return LISTS.stream().anyMatch(list -> name.equals(list) || name.startsWith(list + "."));
    }

    /** What {@code template} writes of {@code facts}; refused, naming {@code field}, if it fails or runs long. */
    private static String render(String field, Template template, MessageFacts facts) {
        String output;
        try {
            output = template.render(facts);
        } catch (RuntimeException failure) {
            throw new Refused(field, failure.getMessage());
        }
        if (output.length() > MAX_OUTPUT) {
            throw new Refused(field, "renders more than " + MAX_OUTPUT + " characters");
        }
        return output;
    }

    /** A subject is one line, whatever the template's line breaks. */
    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    private static TemplateText load(MessageKind kind, Language language) {
        String resource = "messages/" + kind.wireName() + "." + language.wireName() + ".txt";
        try (InputStream in = MessageTemplates.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing message template " + resource);
            }
            String content = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int split = content.indexOf("\n\n");
            return new TemplateText(content.substring(0, split).strip(), content.substring(split + 2).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Parsed(Template subject, Template body) {
    }

    private static final class Refused extends RuntimeException {
        private final Problem problem;

        Refused(String field, String reason) {
            super(reason, null, false, false);
            this.problem = new Problem(field, reason);
        }
    }
}
