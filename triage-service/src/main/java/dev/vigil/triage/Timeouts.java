package dev.vigil.triage;

import dev.vigil.contracts.Alert;
import dev.vigil.triage.rules.TriageRules;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long a firing alert may go without news before it resolves itself: its own {@code timeout} annotation (an
 * ISO-8601 duration, or {@code 90s}, {@code 15m}, {@code 2h}, {@code 1d}), else the tenant's first matching timeout
 * rule. For sources that never send a resolution.
 */
final class Timeouts {
    static final String ANNOTATION = "timeout";
    static final Duration SHORTEST = Duration.ofMinutes(1);
    private static final Pattern SHORT_FORM = Pattern.compile("(\\d{1,6})([smhd])");

    private Timeouts() {
    }

    static Optional<Duration> of(Alert alert, TriageRules rules, Map<String, String> ruleLabels) {
        Optional<Duration> own = parse(alert.annotations().get(ANNOTATION));
        return own.isPresent() ? own : rules.timeoutFor(ruleLabels).map(TriageRules.Timeout::after);
    }

    /** A timeout shorter than a minute, or one that does not parse, is ignored: the alert keeps firing. */
    static Optional<Duration> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String value = text.strip().toLowerCase(Locale.ROOT);
        Duration parsed;
        Matcher shortForm = SHORT_FORM.matcher(value);
        if (shortForm.matches()) {
            long amount = Long.parseLong(shortForm.group(1));
            parsed = switch (shortForm.group(2)) {
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        } else {
            try {
                parsed = Duration.parse(value.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        return parsed.compareTo(SHORTEST) < 0 ? Optional.empty() : Optional.of(parsed);
    }
}
