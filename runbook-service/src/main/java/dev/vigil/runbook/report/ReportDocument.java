package dev.vigil.runbook.report;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** A customer report as headed sections of paragraphs and list items, written once and rendered as Markdown or HTML. */
public record ReportDocument(String title, List<Section> sections) {

    public record Section(String heading, List<String> paragraphs, List<String> items) {
    }

    public String markdown() {
        List<String> blocks = new ArrayList<>();
        blocks.add("# " + markdownText(title));
        for (Section section : sections) {
            blocks.add("## " + markdownText(section.heading()));
            section.paragraphs().forEach(p -> blocks.add(markdownText(p)));
            if (!section.items().isEmpty()) {
                blocks.add(section.items().stream().map(item -> "- " + markdownText(item))
                        .collect(Collectors.joining("\n")));
            }
        }
        return String.join("\n\n", blocks) + "\n";
    }

    public String html(String language) {
        StringBuilder out = new StringBuilder("<!DOCTYPE html>\n<html lang=\"").append(language)
                .append("\">\n<head>\n<meta charset=\"utf-8\">\n<title>").append(escape(title))
                .append("</title>\n</head>\n<body>\n<h1>").append(escape(title)).append("</h1>\n");
        for (Section section : sections) {
            out.append("<h2>").append(escape(section.heading())).append("</h2>\n");
            section.paragraphs().forEach(p -> out.append("<p>").append(escape(p)).append("</p>\n"));
            if (!section.items().isEmpty()) {
                out.append("<ul>\n");
                section.items().forEach(item -> out.append("<li>").append(escape(item)).append("</li>\n"));
                out.append("</ul>\n");
            }
        }
        return out.append("</body>\n</html>\n").toString();
    }

    /** Text written by people, shown as text: Markdown's own characters are escaped, lines kept on one line. */
    private static String markdownText(String text) {
        return text.replaceAll("\\s*\\R\\s*", " ").replaceAll("([\\\\`*_\\[\\]<>#|])", "\\\\$1");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
