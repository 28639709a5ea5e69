package dev.vigil.triage.rules;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One label condition, as Alertmanager writes it: {@code =}, {@code !=}, {@code =~} and {@code !~}. A regular
 * expression must match the whole value; a label the alert lacks reads as the empty string, so {@code env!="prod"}
 * holds for an alert without {@code env}.
 */
public final class Matcher {
    /** How a matcher compares. */
    public enum Op {
        EQUAL("="), NOT_EQUAL("!="), MATCHES("=~"), NOT_MATCHES("!~");

        private final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }

        @JsonValue
        public String symbol() {
            return symbol;
        }

        public static Optional<Op> fromSymbol(String symbol) {
            return Arrays.stream(values()).filter(op -> op.symbol.equals(symbol)).findFirst();
        }

        boolean isRegex() {
            return this == MATCHES || this == NOT_MATCHES;
        }
    }

    private final String label;
    private final Op op;
    private final String value;
    private final Pattern pattern;

    /** @throws IllegalArgumentException naming what is wrong, when the value is not a valid regular expression */
    public Matcher(String label, Op op, String value) {
        this.label = Objects.requireNonNull(label, "label");
        this.op = Objects.requireNonNull(op, "op");
        this.value = Objects.requireNonNull(value, "value");
        this.pattern = op.isRegex() ? compile(value) : null;
    }

    @JsonCreator
    static Matcher fromJson(@JsonProperty("label") String label, @JsonProperty("op") String op,
            @JsonProperty("value") String value) {
        return new Matcher(label, Op.fromSymbol(op).orElseThrow(
                () -> new IllegalArgumentException("op must be one of =, !=, =~, !~")), value);
    }

    public static Matcher equal(String label, String value) {
        return new Matcher(label, Op.EQUAL, value);
    }

    public static Matcher matches(String label, String regex) {
        return new Matcher(label, Op.MATCHES, regex);
    }

    public static Matcher notMatches(String label, String regex) {
        return new Matcher(label, Op.NOT_MATCHES, regex);
    }

    @JsonProperty
    public String label() {
        return label;
    }

    @JsonProperty
    public Op op() {
        return op;
    }

    @JsonProperty
    public String value() {
        return value;
    }

    public boolean matches(Map<String, String> labels) {
        String actual = labels.getOrDefault(label, "");
        return switch (op) {
            case EQUAL -> actual.equals(value);
            case NOT_EQUAL -> !actual.equals(value);
            case MATCHES -> pattern.matcher(actual).matches();
            case NOT_MATCHES -> !pattern.matcher(actual).matches();
        };
    }

    /** Whether every one of {@code matchers} holds; an empty list matches every alert. */
    public static boolean all(Iterable<Matcher> matchers, Map<String, String> labels) {
        for (Matcher matcher : matchers) {
            if (!matcher.matches(labels)) {
                return false;
            }
        }
        return true;
    }

    private static Pattern compile(String regex) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("not a valid regular expression: " + e.getDescription());
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Matcher that && label.equals(that.label) && op == that.op && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(label, op, value);
    }

    @Override
    public String toString() {
        return label + op.symbol + '"' + value + '"';
    }
}
