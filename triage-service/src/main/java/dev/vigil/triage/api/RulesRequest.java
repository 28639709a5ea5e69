package dev.vigil.triage.api;

import dev.vigil.platform.problem.Problem;
import dev.vigil.platform.problem.ProblemException;
import dev.vigil.triage.rules.Matcher;
import dev.vigil.triage.rules.TriageRules;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code PUT /v1/rules/{tenant}}: the whole rules document, the same shape as {@code rules} in what
 * {@code GET} answers. A top-level field left out (or null) takes its default, the value of
 * {@link TriageRules#DEFAULT}; so do the fields of {@code flap}. An empty list is a choice: {@code "inhibitions": []}
 * turns the default inhibition off.
 */
@Schema(description = "A tenant's noise rules, the whole document; a field left out takes its default. Durations"
        + " are ISO-8601 (PT5M is five minutes). Rules are matched on the alert's labels plus source, resource, check"
        + " and severity")
public record RulesRequest(
        @Schema(description = "Labels whose values, shared, put alerts in one incident; default [\"resource\"]",
                example = "[\"resource\"]") List<String> groupBy,
        @Schema(description = "How long after an incident opened a newly raised alert of its group still joins it;"
                + " PT0S to PT24H, default PT5M", example = "PT5M") String groupWindow,
        @Schema(description = "The first whose matchers hold decides when an alert is raised; an alert none matches"
                + " is raised at once. Default: three-in-a-row (3 within PT5M, or firing for PT3M), for every alert")
        List<ThresholdRequest> thresholds,
        @Schema(description = "Flap detection, for every alert; a field left out takes its default") FlapRequest flap,
        @Schema(description = "The first whose matchers hold resolves a firing alert nobody re-sent or resolved for"
                + " `after`; default none") List<TimeoutRequest> timeouts,
        @Schema(description = "A firing source alert suppresses the target alerts sharing its `equal` labels."
                + " Default: host-down (a check naming the host down inhibits the resource's other checks)")
        List<InhibitionRequest> inhibitions) {

    static final Duration LONGEST_GROUP_WINDOW = Duration.ofHours(24);
    static final int MOST_OCCURRENCES = 1000;
    static final Duration SHORTEST_THRESHOLD = Duration.ofSeconds(1);
    static final Duration LONGEST_THRESHOLD = Duration.ofHours(24);
    static final int FEWEST_FLAP_RESULTS = 2;
    static final int MOST_FLAP_RESULTS = 50;
    static final Duration SHORTEST_FLAP_WINDOW = Duration.ofMinutes(1);
    static final Duration LONGEST_FLAP_WINDOW = Duration.ofDays(7);
    static final Duration SHORTEST_TIMEOUT = Duration.ofMinutes(1);
    static final Duration LONGEST_TIMEOUT = Duration.ofDays(30);
    /** Bounds that keep a document readable and cheap to evaluate for every alert. */
    static final int MOST_RULES = 100;
    static final int MOST_MATCHERS = 32;
    static final int MOST_LABELS = 32;
    static final int LONGEST_NAME = 200;
    static final int LONGEST_LABEL = 200;
    static final int LONGEST_VALUE = 1000;

    @Schema(description = "A label condition as Alertmanager writes it; a label the alert lacks reads as \"\", and a"
            + " regular expression must match the whole value")
    public record MatcherRequest(
            @Schema(required = true, example = "env") String label,
            @Schema(required = true, enumeration = {"=", "!=", "=~", "!~"}, example = "=~") String op,
            @Schema(required = true, description = "The value, or a Java regular expression for =~ and !~",
                    example = "prod|staging") String value) {
    }

    @Schema(description = "When an alert is raised: after `occurrences` firings within `within`, or once it kept"
            + " firing for `firingFor`, whichever comes first; at least one of the two")
    public record ThresholdRequest(
            @Schema(required = true, description = "Unique among the thresholds", example = "disks-slowly")
            String name,
            @Schema(description = "All must hold; none matches every alert") List<MatcherRequest> matchers,
            @Schema(description = "1 to 1000, with `within`", example = "3") Integer occurrences,
            @Schema(description = "PT1S to PT24H, with `occurrences`", example = "PT5M") String within,
            @Schema(description = "PT1S to PT24H", example = "PT3M") String firingFor) {
    }

    @Schema(description = "Flapping starts when the share of state changes among the last `results` results (within"
            + " `window`) reaches `high`, and ends at `low` or below")
    public record FlapRequest(
            @Schema(description = "2 to 50; default 10", example = "10") Integer results,
            @Schema(description = "PT1M to P7D; default PT1H", example = "PT1H") String window,
            @Schema(description = "Above 0, at most 1; default 0.4", example = "0.4") Double high,
            @Schema(description = "At least 0, below `high`; default 0.2", example = "0.2") Double low) {
    }

    @Schema(description = "A firing alert of these matchers neither re-sent nor resolved for `after` resolves itself")
    public record TimeoutRequest(
            @Schema(required = true, description = "Unique among the timeouts", example = "stale-cloudwatch")
            String name,
            @Schema(description = "All must hold; none matches every alert") List<MatcherRequest> matchers,
            @Schema(required = true, description = "PT1M to P30D", example = "PT12H") String after) {
    }

    @Schema(description = "While a source alert fires, target alerts with the same values of the `equal` labels are"
            + " suppressed")
    public record InhibitionRequest(
            @Schema(required = true, description = "Unique among the inhibitions", example = "switch-down")
            String name,
            @Schema(required = true, description = "At least one") List<MatcherRequest> source,
            @Schema(required = true, description = "At least one") List<MatcherRequest> target,
            @Schema(description = "Labels source and target must share; none: every target", example = "[\"site\"]")
            List<String> equal) {
    }

    /** The rules (version 0 until saved), or a 400 naming every field that is wrong, each with its path. */
    TriageRules toRules(TriageRules defaults) {
        Check check = new Check();
        List<String> labels = groupBy == null ? defaults.groupBy() : check.groupBy(groupBy);
        Duration window = groupWindow == null ? defaults.groupWindow()
                : check.duration("groupWindow", groupWindow, Duration.ZERO, LONGEST_GROUP_WINDOW);
        List<TriageRules.Threshold> thresholdRules = thresholds == null ? defaults.thresholds()
                : check.named("thresholds", thresholds, ThresholdRequest::name, check::threshold);
        TriageRules.Flap flapRule = flap == null ? defaults.flap() : check.flap(flap);
        List<TriageRules.Timeout> timeoutRules = timeouts == null ? defaults.timeouts()
                : check.named("timeouts", timeouts, TimeoutRequest::name, check::timeout);
        List<TriageRules.Inhibition> inhibitionRules = inhibitions == null ? defaults.inhibitions()
                : check.named("inhibitions", inhibitions, InhibitionRequest::name, check::inhibition);
        if (!check.errors.isEmpty()) {
            throw ProblemException.invalid(check.errors);
        }
        return new TriageRules(0, labels, window, thresholdRules, flapRule, timeoutRules, inhibitionRules);
    }

    /** Collects every error of one document; each check answers null (or a partial value) for a refused field. */
    private static final class Check {
        private final List<Problem.FieldError> errors = new ArrayList<>();

        private void error(String field, String message) {
            errors.add(new Problem.FieldError(field, message));
        }

        List<String> groupBy(List<String> labels) {
            if (labels.isEmpty()) {
                error("groupBy", "needs at least one label: without one, every alert of the tenant would be one"
                        + " incident");
            }
            return labels("groupBy", labels);
        }

        /** The valid ones of {@code labels}; each invalid one is an error. */
        List<String> labels(String field, List<String> labels) {
            if (labels.size() > MOST_LABELS) {
                error(field, "may name at most " + MOST_LABELS + " labels");
                return List.of();
            }
            List<String> valid = new ArrayList<>(labels.size());
            for (int i = 0; i < labels.size(); i++) {
                if (label(field + "[" + i + "]", labels.get(i))) {
                    valid.add(labels.get(i));
                }
            }
            return valid;
        }

        private boolean label(String field, String label) {
            if (label == null || label.isBlank()) {
                error(field, "must be a label name, not blank");
                return false;
            }
            if (label.length() > LONGEST_LABEL) {
                error(field, "must be at most " + LONGEST_LABEL + " characters");
                return false;
            }
            return true;
        }

        /**
         * Checks each rule of a list with {@code rule}, and that names are present and unique within the list. A
         * rule's name is trimmed.
         */
        <R, T> List<T> named(String field, List<R> requests, Function<R, String> nameOf, RuleCheck<R, T> rule) {
            if (requests.size() > MOST_RULES) {
                error(field, "may hold at most " + MOST_RULES + " rules");
                return List.of();
            }
            List<T> rules = new ArrayList<>(requests.size());
            Map<String, Integer> seen = new HashMap<>();
            for (int i = 0; i < requests.size(); i++) {
                String at = field + "[" + i + "]";
                R request = requests.get(i);
                if (request == null) {
                    error(at, "must be an object");
                    continue;
                }
                String name = name(at + ".name", nameOf.apply(request));
                if (name != null) {
                    Integer first = seen.putIfAbsent(name, i);
                    if (first != null) {
                        error(at + ".name", "repeats the name of " + field + "[" + first + "]");
                    }
                }
                rules.add(rule.check(at, name, request));
            }
            return rules;
        }

        private String name(String field, String name) {
            if (name == null || name.isBlank()) {
                error(field, "is required");
                return null;
            }
            if (name.length() > LONGEST_NAME) {
                error(field, "must be at most " + LONGEST_NAME + " characters");
                return null;
            }
            return name.strip();
        }

        TriageRules.Threshold threshold(String at, String name, ThresholdRequest threshold) {
            List<Matcher> matchers = matchers(at + ".matchers", threshold.matchers(), false);
            Integer occurrences = threshold.occurrences();
            if (occurrences != null && (occurrences < 1 || occurrences > MOST_OCCURRENCES)) {
                error(at + ".occurrences", "must be from 1 to " + MOST_OCCURRENCES);
            }
            Duration within = threshold.within() == null ? null
                    : duration(at + ".within", threshold.within(), SHORTEST_THRESHOLD, LONGEST_THRESHOLD);
            Duration firingFor = threshold.firingFor() == null ? null
                    : duration(at + ".firingFor", threshold.firingFor(), SHORTEST_THRESHOLD, LONGEST_THRESHOLD);
            if (occurrences != null && threshold.within() == null) {
                error(at + ".within", "is required with occurrences: how long the occurrences may take");
            } else if (occurrences == null && threshold.within() != null) {
                error(at + ".occurrences", "is required with within: how many firings within it raise the alert");
            } else if (occurrences == null && threshold.firingFor() == null) {
                error(at, "needs occurrences with within, or firingFor, or both");
            }
            return new TriageRules.Threshold(name, matchers, occurrences, within, firingFor);
        }

        TriageRules.Flap flap(FlapRequest flap) {
            TriageRules.Flap defaults = TriageRules.Flap.DEFAULT;
            int results = flap.results() == null ? defaults.results() : flap.results();
            if (results < FEWEST_FLAP_RESULTS || results > MOST_FLAP_RESULTS) {
                error("flap.results", "must be from " + FEWEST_FLAP_RESULTS + " to " + MOST_FLAP_RESULTS);
            }
            Duration window = flap.window() == null ? defaults.window()
                    : duration("flap.window", flap.window(), SHORTEST_FLAP_WINDOW, LONGEST_FLAP_WINDOW);
            double high = flap.high() == null ? defaults.high() : flap.high();
            double low = flap.low() == null ? defaults.low() : flap.low();
            // written so that NaN, which Jackson reads from the text "NaN", fails every bound
            boolean highValid = high > 0 && high <= 1;
            if (!highValid) {
                error("flap.high", "must be above 0 and at most 1");
            }
            if (!(low >= 0 && low < (highValid ? high : 1))) {
                error("flap.low", "must be at least 0 and below " + (highValid ? "flap.high (" + high + ")" : "1"));
            }
            return new TriageRules.Flap(results, window, high, low);
        }

        TriageRules.Timeout timeout(String at, String name, TimeoutRequest timeout) {
            List<Matcher> matchers = matchers(at + ".matchers", timeout.matchers(), false);
            Duration after = timeout.after() == null ? required(at + ".after")
                    : duration(at + ".after", timeout.after(), SHORTEST_TIMEOUT, LONGEST_TIMEOUT);
            return new TriageRules.Timeout(name, matchers, after);
        }

        TriageRules.Inhibition inhibition(String at, String name, InhibitionRequest inhibition) {
            List<Matcher> source = matchers(at + ".source", inhibition.source(), true);
            List<Matcher> target = matchers(at + ".target", inhibition.target(), true);
            List<String> equal = inhibition.equal() == null ? List.of() : labels(at + ".equal", inhibition.equal());
            return new TriageRules.Inhibition(name, source, target, equal);
        }

        private List<Matcher> matchers(String field, List<MatcherRequest> requests, boolean required) {
            if (requests == null || requests.isEmpty()) {
                if (required) {
                    error(field, "needs at least one matcher: an empty one would hold for every alert");
                }
                return List.of();
            }
            if (requests.size() > MOST_MATCHERS) {
                error(field, "may hold at most " + MOST_MATCHERS + " matchers");
                return List.of();
            }
            List<Matcher> matchers = new ArrayList<>(requests.size());
            for (int i = 0; i < requests.size(); i++) {
                matcher(field + "[" + i + "]", requests.get(i)).ifPresent(matchers::add);
            }
            return matchers;
        }

        private Optional<Matcher> matcher(String at, MatcherRequest request) {
            if (request == null) {
                error(at, "must be an object");
                return Optional.empty();
            }
            boolean labelled = label(at + ".label", request.label());
            Optional<Matcher.Op> op = request.op() == null ? Optional.empty() : Matcher.Op.fromSymbol(request.op());
            if (op.isEmpty()) {
                error(at + ".op", "must be one of " + Arrays.stream(Matcher.Op.values()).map(Matcher.Op::symbol)
                        .collect(Collectors.joining(", ")));
            }
            if (request.value() == null) {
                error(at + ".value", "is required (\"\" matches an alert without the label)");
                return Optional.empty();
            }
            if (request.value().length() > LONGEST_VALUE) {
                error(at + ".value", "must be at most " + LONGEST_VALUE + " characters");
                return Optional.empty();
            }
            if (!labelled || op.isEmpty()) {
                return Optional.empty();
            }
            try {
                return Optional.of(new Matcher(request.label(), op.get(), request.value()));
            } catch (IllegalArgumentException e) {
                error(at + ".value", "is " + e.getMessage());
                return Optional.empty();
            }
        }

        Duration duration(String field, String value, Duration shortest, Duration longest) {
            try {
                Duration parsed = Duration.parse(value);
                if (parsed.compareTo(shortest) >= 0 && parsed.compareTo(longest) <= 0) {
                    return parsed;
                }
            } catch (DateTimeParseException e) {
                // answered below, like one out of range
            }
            error(field, "must be an ISO-8601 duration from " + iso(shortest) + " to " + iso(longest));
            return null;
        }

        /** P7D rather than Duration's PT168H, as people write a week. */
        private static String iso(Duration duration) {
            long days = duration.toDays();
            return days > 1 && duration.equals(Duration.ofDays(days)) ? "P" + days + "D" : duration.toString();
        }

        private Duration required(String field) {
            error(field, "is required");
            return null;
        }
    }

    @FunctionalInterface
    private interface RuleCheck<R, T> {
        T check(String at, String name, R request);
    }
}
