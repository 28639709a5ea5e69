package dev.vigil.triage.api;

import dev.vigil.contracts.Severity;
import dev.vigil.platform.problem.Problem;
import dev.vigil.platform.problem.ProblemException;
import dev.vigil.triage.TenantPolicy;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code PUT /v1/policies/{tenant}}: the whole policy. A field left out takes its default, the value
 * of {@link TenantPolicy#DEFAULT}.
 */
@Schema(description = "A tenant's decision policy; durations are ISO-8601 (PT10M is ten minutes)")
public record PolicyRequest(
        @Schema(description = "Severities confirmed without a person (their customer is told at once); default none",
                example = "[\"critical\"]") List<String> autoConfirm,
        @Schema(description = "How long a person has to decide an incident of each severity before it escalates to"
                + " the supervisors; a severity left out never escalates", example = "{\"major\": \"PT15M\"}")
        Map<String, String> decisionDeadlines,
        @Schema(description = "How long every alert must stay resolved before the incident ends; default PT0S",
                example = "PT5M") String resolveDelay,
        @Schema(description = "Whether the customer hears of the recovery of an incident they were told about;"
                + " default true") Boolean reportRecovery) {

    /** The policy, or a 400 naming every field that is wrong. */
    TenantPolicy toPolicy() {
        List<Problem.FieldError> errors = new ArrayList<>();
        Set<Severity> auto = EnumSet.noneOf(Severity.class);
        if (autoConfirm != null) {
            for (int i = 0; i < autoConfirm.size(); i++) {
                severity(autoConfirm.get(i)).ifPresentOrElse(auto::add, error(errors, "autoConfirm[" + i + "]",
                        "must be one of " + severities()));
            }
        }
        Map<Severity, Duration> deadlines = new EnumMap<>(Severity.class);
        Map<String, String> asked = decisionDeadlines != null ? decisionDeadlines : defaultDeadlinesBesides(auto);
        asked.forEach((name, value) -> {
            String field = "decisionDeadlines." + name;
            Optional<Severity> severity = severity(name);
            if (severity.isEmpty()) {
                errors.add(new Problem.FieldError(field, "names no severity; use one of " + severities()));
                return;
            }
            if (auto.contains(severity.get())) {
                errors.add(new Problem.FieldError(field, "is confirmed automatically, so it has no decision deadline"));
                return;
            }
            duration(value, TenantPolicy.SHORTEST_DEADLINE, TenantPolicy.LONGEST_DEADLINE)
                    .ifPresentOrElse(d -> deadlines.put(severity.get(), d), error(errors, field,
                            "must be an ISO-8601 duration from " + TenantPolicy.SHORTEST_DEADLINE + " to "
                                    + TenantPolicy.LONGEST_DEADLINE));
        });
        Duration delay = resolveDelay == null ? TenantPolicy.DEFAULT.resolveDelay()
                : duration(resolveDelay, Duration.ZERO, TenantPolicy.LONGEST_RESOLVE_DELAY).orElse(null);
        if (delay == null) {
            errors.add(new Problem.FieldError("resolveDelay", "must be an ISO-8601 duration from PT0S to "
                    + TenantPolicy.LONGEST_RESOLVE_DELAY));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new TenantPolicy(0, auto, deadlines, delay,
                reportRecovery == null ? TenantPolicy.DEFAULT.reportRecovery() : reportRecovery);
    }

    /** The default deadlines of the severities a person decides. */
    private static Map<String, String> defaultDeadlinesBesides(Set<Severity> automatic) {
        Map<String, String> named = new TreeMap<>();
        TenantPolicy.DEFAULT.decisionDeadlines().forEach((severity, d) -> {
            if (!automatic.contains(severity)) {
                named.put(severity.wireName(), d.toString());
            }
        });
        return named;
    }

    private static Runnable error(List<Problem.FieldError> errors, String field, String message) {
        return () -> errors.add(new Problem.FieldError(field, message));
    }

    private static Optional<Severity> severity(String name) {
        return name == null ? Optional.empty() : Severity.fromWire(name);
    }

    private static Optional<Duration> duration(String value, Duration shortest, Duration longest) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            Duration parsed = Duration.parse(value);
            return parsed.compareTo(shortest) < 0 || parsed.compareTo(longest) > 0 ? Optional.empty()
                    : Optional.of(parsed);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static List<String> severities() {
        return Arrays.stream(Severity.values()).map(Severity::wireName).toList();
    }
}
