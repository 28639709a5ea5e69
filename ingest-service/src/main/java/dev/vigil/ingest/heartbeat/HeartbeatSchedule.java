package dev.vigil.ingest.heartbeat;

import dev.vigil.platform.validation.InvalidInputException;
import dev.vigil.platform.validation.InvalidInputException.Violation;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How often a heartbeat expects a ping ({@code interval}) and how late one may be ({@code grace}) before the
 * heartbeat is missed. Whole seconds: they are written as whole seconds or ISO-8601 durations, and stored as seconds.
 */
public record HeartbeatSchedule(Duration interval, Duration grace) {
    public static final Duration DEFAULT_INTERVAL = Duration.ofDays(1);
    public static final Duration DEFAULT_GRACE = Duration.ofHours(1);
    public static final Duration MIN_INTERVAL = Duration.ofSeconds(1);
    public static final Duration MAX_INTERVAL = Duration.ofDays(365);
    public static final Duration MAX_GRACE = Duration.ofDays(30);
    public static final HeartbeatSchedule DEFAULT = new HeartbeatSchedule(DEFAULT_INTERVAL, DEFAULT_GRACE);

    static final String INTERVAL_RULE = "must be whole seconds (300) or an ISO-8601 duration (PT5M, P1D) from 1 s"
            + " to 365 days";
    static final String GRACE_RULE = "must be whole seconds (60) or an ISO-8601 duration (PT1M) from 0 s to 30 days";
    /** at most ten digits: more would overflow a long's seconds once added to a time */
    private static final Pattern SECONDS = Pattern.compile("[0-9]{1,10}");

    /** When a heartbeat pinged at {@code ping} is missed. */
    public Instant dueAfter(Instant ping) {
        return ping.plus(interval).plus(grace);
    }

    /**
     * What a ping or a staff change asks for: a part left out keeps the heartbeat's current value, or the default
     * for a heartbeat it creates.
     */
    public record Change(Optional<Duration> interval, Optional<Duration> grace) {
        public static final Change NONE = new Change(Optional.empty(), Optional.empty());

        /** Reads both parts as sent (null when absent), refusing every malformed one at once, by its name. */
        public static Change read(String interval, String grace) {
            List<Violation> violations = new ArrayList<>();
            Optional<Duration> readInterval = parse(interval, MIN_INTERVAL, MAX_INTERVAL)
                    .orElseGet(() -> refuse(violations, "interval", INTERVAL_RULE));
            Optional<Duration> readGrace = parse(grace, Duration.ZERO, MAX_GRACE)
                    .orElseGet(() -> refuse(violations, "grace", GRACE_RULE));
            if (!violations.isEmpty()) {
                throw new InvalidInputException(violations);
            }
            return new Change(readInterval, readGrace);
        }

        public HeartbeatSchedule applyTo(HeartbeatSchedule current) {
            return new HeartbeatSchedule(interval.orElse(current.interval()), grace.orElse(current.grace()));
        }
    }

    /** A short human form for summaries: {@code 1d}, {@code 5m}, {@code 1h30m}, {@code 0s}. */
    public static String describe(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds == 0) {
            return "0s";
        }
        StringBuilder text = new StringBuilder();
        long[] sizes = {86_400, 3_600, 60, 1};
        String[] units = {"d", "h", "m", "s"};
        for (int i = 0; i < sizes.length; i++) {
            if (seconds >= sizes[i]) {
                text.append(seconds / sizes[i]).append(units[i]);
                seconds %= sizes[i];
            }
        }
        return text.toString();
    }

    /**
     * Empty outside: the text is not a duration in bounds. Inside: the duration, or empty when nothing was sent.
     */
    private static Optional<Optional<Duration>> parse(String raw, Duration min, Duration max) {
        if (raw == null || raw.isBlank()) {
            return Optional.of(Optional.empty());
        }
        String text = raw.strip();
        Duration duration;
        if (SECONDS.matcher(text).matches()) {
            duration = Duration.ofSeconds(Long.parseLong(text));
        } else if (text.startsWith("P") || text.startsWith("p")) {
            try {
                duration = Duration.parse(text);
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        } else {
            return Optional.empty();
        }
        if (duration.getNano() != 0 || duration.compareTo(min) < 0 || duration.compareTo(max) > 0) {
            return Optional.empty();
        }
        return Optional.of(Optional.of(duration));
    }

    private static Optional<Duration> refuse(List<Violation> violations, String field, String rule) {
        violations.add(new Violation(field, rule));
        return Optional.empty();
    }
}
