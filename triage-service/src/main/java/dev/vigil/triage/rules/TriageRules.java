package dev.vigil.triage.rules;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One tenant's noise rules: how alerts group into incidents, how long an alert must fire before anyone sees it, when
 * an alert is flapping, when an alert nobody resolves goes stale, and which alerts a failure elsewhere makes
 * redundant. Durations are event time: measured on the alerts' {@code observedAt}.
 *
 * @param version    0 for the defaults, which apply until a supervisor saves the tenant's first rules
 * @param groupBy    labels whose values, shared, put alerts in one group
 * @param groupWindow how long after a group's incident opened a newly raised alert of the group still joins it
 * @param thresholds the first whose matchers hold decides when an alert is raised; an alert no threshold matches is
 *                   raised at once
 * @param flap       flap detection, for every alert
 * @param timeouts   the first whose matchers hold says when a firing alert neither re-sent nor resolved resolves
 *                   itself; none by default
 * @param inhibitions a firing source alert suppresses the target alerts that share its {@code equal} labels
 */
public record TriageRules(
        int version,
        List<String> groupBy,
        @JsonFormat(shape = JsonFormat.Shape.STRING) Duration groupWindow,
        List<Threshold> thresholds,
        Flap flap,
        List<Timeout> timeouts,
        List<Inhibition> inhibitions) {

    /** Checks that mean "the host itself is down", as Nagios, Prometheus and Zabbix users commonly name them. */
    public static final String HOST_DOWN_CHECKS = "(?i)(host|host[-_ ]?(down|unreachable)|instance[-_ ]?down"
            + "|node[-_ ]?down|ping)";

    /**
     * Group by resource for 5 minutes; raise an alert once it has kept firing for 5 minutes (the pending period
     * Prometheus rules and Grafana commonly use: a blip or a flap's short swing never reaches a person); flapping at
     * 40 % state changes or more over the last 20 results within an hour, ending at 20 % or less; a host that is down
     * inhibits the other checks of the same resource.
     */
    public static final TriageRules DEFAULT = defaults(Duration.ofMinutes(5));

    /** The defaults, with the MSP's own pending period; zero raises every alert at once. */
    public static TriageRules defaults(Duration raiseAfter) {
        List<Threshold> thresholds = raiseAfter.isZero() ? List.of()
                : List.of(new Threshold("pending-period", List.of(), null, null, raiseAfter));
        return new TriageRules(0, List.of("resource"), Duration.ofMinutes(5), thresholds, Flap.DEFAULT, List.of(),
                List.of(new Inhibition("host-down", List.of(Matcher.matches("check", HOST_DOWN_CHECKS)),
                        List.of(Matcher.notMatches("check", HOST_DOWN_CHECKS)), List.of("resource"))));
    }

    public TriageRules {
        groupBy = List.copyOf(groupBy);
        thresholds = List.copyOf(thresholds);
        timeouts = List.copyOf(timeouts);
        inhibitions = List.copyOf(inhibitions);
    }

    /** The threshold that decides when this alert is raised; empty raises it at once. */
    public Optional<Threshold> thresholdFor(Map<String, String> labels) {
        return thresholds.stream().filter(rule -> Matcher.all(rule.matchers(), labels)).findFirst();
    }

    public Optional<Timeout> timeoutFor(Map<String, String> labels) {
        return timeouts.stream().filter(rule -> Matcher.all(rule.matchers(), labels)).findFirst();
    }

    /** Whether an alert with these labels may inhibit others under some rule. */
    public boolean mayInhibit(Map<String, String> labels) {
        return inhibitions.stream().anyMatch(rule -> Matcher.all(rule.source(), labels));
    }

    /** How many of an alert's last results the rules read. */
    public int resultsKept() {
        int occurrences = thresholds.stream().filter(rule -> rule.occurrences() != null)
                .mapToInt(Threshold::occurrences).max().orElse(0);
        return Math.max(flap.results(), occurrences);
    }

    public TriageRules withVersion(int next) {
        return new TriageRules(next, groupBy, groupWindow, thresholds, flap, timeouts, inhibitions);
    }

    /**
     * Raise an alert after {@code occurrences} firings within {@code within}, or once it has fired for
     * {@code firingFor} without resolving, whichever comes first. Either may be absent (null), not both.
     */
    public record Threshold(String name, List<Matcher> matchers, Integer occurrences,
            @JsonFormat(shape = JsonFormat.Shape.STRING) Duration within,
            @JsonFormat(shape = JsonFormat.Shape.STRING) Duration firingFor) {
        public Threshold {
            matchers = List.copyOf(matchers);
        }
    }

    /**
     * Flapping starts when the share of state changes among the last {@code results} results (those observed within
     * {@code window}) reaches {@code high}, judged only once that many are on record (a failure that recovered and
     * came back once is not flapping); it ends when the share falls to {@code low} or below, or when fewer results
     * remain in the window.
     */
    public record Flap(int results, @JsonFormat(shape = JsonFormat.Shape.STRING) Duration window, double high,
            double low) {
        /** Nagios's 21 results, near enough: 20 results, 19 possible changes. */
        public static final Flap DEFAULT = new Flap(20, Duration.ofHours(1), 0.4, 0.2);

        public int minimumResults() {
            return results;
        }
    }

    /** A firing alert of these matchers neither re-sent nor resolved for {@code after} resolves itself. */
    public record Timeout(String name, List<Matcher> matchers,
            @JsonFormat(shape = JsonFormat.Shape.STRING) Duration after) {
        public Timeout {
            matchers = List.copyOf(matchers);
        }
    }

    /** While a source alert fires, target alerts with the same values of the {@code equal} labels are suppressed. */
    public record Inhibition(String name, List<Matcher> source, List<Matcher> target, List<String> equal) {
        public Inhibition {
            source = List.copyOf(source);
            target = List.copyOf(target);
            equal = List.copyOf(equal);
        }

        public boolean inhibits(Map<String, String> sourceLabels, Map<String, String> targetLabels) {
            if (!Matcher.all(source, sourceLabels) || !Matcher.all(target, targetLabels)) {
                return false;
            }
            return equal.stream().allMatch(label -> sourceLabels.getOrDefault(label, "")
                    .equals(targetLabels.getOrDefault(label, "")));
        }
    }
}
