package dev.vigil.triage.api;

import dev.vigil.triage.rules.Matcher;
import dev.vigil.triage.rules.RulesVersion;
import dev.vigil.triage.rules.TriageRules;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A version of a tenant's noise rules; {@code rules} is the document a {@code PUT} takes back unchanged. */
@Schema(description = "A version of a tenant's noise rules")
public record RulesView(
        String tenant,
        @Schema(description = "0 while the tenant runs on the defaults; each save adds one") int version,
        @Schema(description = "Who saved this version; null for the defaults") String changedBy,
        @Schema(description = "When it was saved; null for the defaults") Instant changedAt,
        Rules rules) {

    @Schema(name = "TriageRules", description = "A tenant's noise rules, the document PUT /v1/rules/{tenant} takes."
            + " Durations are ISO-8601")
    public record Rules(List<String> groupBy, String groupWindow, List<Threshold> thresholds, Flap flap,
            List<Timeout> timeouts, List<Inhibition> inhibitions) {

        static Rules of(TriageRules rules) {
            return new Rules(rules.groupBy(), iso(rules.groupWindow()),
                    rules.thresholds().stream().map(Threshold::of).toList(),
                    new Flap(rules.flap().results(), iso(rules.flap().window()), rules.flap().high(),
                            rules.flap().low()),
                    rules.timeouts().stream().map(t -> new Timeout(t.name(), matchers(t.matchers()), iso(t.after())))
                            .toList(),
                    rules.inhibitions().stream().map(i -> new Inhibition(i.name(), matchers(i.source()),
                            matchers(i.target()), i.equal())).toList());
        }
    }

    @Schema(name = "RulesThreshold", description = "Raise an alert after `occurrences` firings within `within`, or"
            + " once it kept firing for `firingFor`, whichever comes first; null: not used")
    public record Threshold(String name, List<LabelMatcher> matchers, Integer occurrences, String within,
            String firingFor) {

        static Threshold of(TriageRules.Threshold threshold) {
            return new Threshold(threshold.name(), RulesView.matchers(threshold.matchers()), threshold.occurrences(),
                    iso(threshold.within()), iso(threshold.firingFor()));
        }
    }

    @Schema(name = "RulesFlap", description = "Flapping starts at a share `high` of state changes among the last"
            + " `results` results within `window`, and ends at `low`")
    public record Flap(int results, String window, double high, double low) {
    }

    @Schema(name = "RulesTimeout", description = "A firing alert of these matchers neither re-sent nor resolved for"
            + " `after` resolves itself")
    public record Timeout(String name, List<LabelMatcher> matchers, String after) {
    }

    @Schema(name = "RulesInhibition", description = "While a source alert fires, target alerts with the same values"
            + " of the `equal` labels are suppressed")
    public record Inhibition(String name, List<LabelMatcher> source, List<LabelMatcher> target, List<String> equal) {
    }

    @Schema(name = "LabelMatcher", description = "A label condition: op is =, !=, =~ or !~")
    public record LabelMatcher(String label, String op, String value) {
    }

    static RulesView of(RulesVersion saved) {
        return new RulesView(saved.tenant(), saved.version(), saved.changedBy(), saved.changedAt(),
                Rules.of(saved.rules()));
    }

    static RulesView defaults(String tenant, TriageRules defaults) {
        return new RulesView(tenant, defaults.version(), null, null, Rules.of(defaults));
    }

    private static List<LabelMatcher> matchers(List<Matcher> matchers) {
        return matchers.stream().map(m -> new LabelMatcher(m.label(), m.op().symbol(), m.value())).toList();
    }

    private static String iso(Duration duration) {
        return duration == null ? null : duration.toString();
    }
}
