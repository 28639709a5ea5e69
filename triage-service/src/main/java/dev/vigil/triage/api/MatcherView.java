package dev.vigil.triage.api;

import dev.vigil.triage.rules.Matcher;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A label condition: label, op (=, !=, =~, !~) and value")
public record MatcherView(
        String label,
        @Schema(enumeration = {"=", "!=", "=~", "!~"}) String op,
        String value) {

    static List<MatcherView> of(List<Matcher> matchers) {
        return matchers.stream().map(m -> new MatcherView(m.label(), m.op().symbol(), m.value())).toList();
    }
}
