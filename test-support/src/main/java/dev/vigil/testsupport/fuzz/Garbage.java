package dev.vigil.testsupport.fuzz;

import java.util.List;
import java.util.Random;
import java.util.UUID;

/** Random text of the kinds that break parsers and databases, and the JSON literals that break bodies. */
public final class Garbage {
    /** Single characters and escapes worth trying anywhere: NUL, lone surrogates raw and escaped, JSON syntax. */
    static final List<String> TROUBLE = List.of("\u0000", "\\u0000", "\\ud800", "\\udfff", "\\udc00\\ud800",
            "\ud800", "\udfff", "\"", "'", "{", "}", "[", "]", "\\", "\\x", "\\u12", ",", ":", "\u0001", "\u001f",
            "\t", "\n", "\r", "\u007f", "\u0085", "\u2028", "\ufeff", "\uffff", "\uD83D\uDD25", "\u00e9", "\u4e2d",
            "0", "-", "e", "null", " ", "%", "/", "..", "<", "&");

    private Garbage() {
    }

    /** Up to {@code maxLength} characters mixing plain text with {@link #TROUBLE}. */
    public static String text(Random random, int maxLength) {
        int length = random.nextInt(maxLength + 1);
        StringBuilder text = new StringBuilder();
        while (text.length() < length) {
            text.append(switch (random.nextInt(4)) {
                case 0 -> TROUBLE.get(random.nextInt(TROUBLE.size()));
                case 1 -> String.valueOf((char) random.nextInt(0x20, 0x7f));
                case 2 -> Character.toString(random.nextInt(0x80, 0x3000));
                default -> Character.toString(random.nextInt(0x1F300, 0x1F600));
            });
        }
        return text.toString();
    }

    /** A JSON string literal of {@link #text}, escaped where JSON requires, with escaped surrogates left in. */
    public static String jsonString(Random random, int maxLength) {
        StringBuilder out = new StringBuilder("\"");
        text(random, maxLength).chars().forEach(c -> {
            if (c == '"' || c == '\\' || c < 0x20) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.append((char) c);
            }
        });
        return out.append('"').toString();
    }

    /** A {@link #jsonValue} short enough for a header (Netty answers an oversized header itself, bodiless). */
    public static String shortJsonValue(Random random) {
        String value = jsonValue(random);
        while (value.length() > 2000) {
            value = jsonValue(random);
        }
        return value;
    }

    /**
     * Strings of the right type that sit on or past an edge: blank, just over a size limit, instants beyond what
     * PostgreSQL stores, enum values in the wrong case, URLs with impossible ports or hosts.
     */
    static final List<String> EDGE_STRINGS = List.of("", " ", "\u2003", "x".repeat(201), "x".repeat(2049),
            "x".repeat(10_001), "+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "0000-01-01T00:00:00Z",
            "2026-02-30T00:00:00Z", "2026-11-25T10:00:00+25:00", "CRITICAL", "Firing", "OPEN",
            "https://127.0.0.1:99999/x", "https://127.0.0.1:0/x", "https://[::1]/x", "https://[fe80::1%25eth0]/x",
            "https://256.256.256.256/x", "https://under_score.example/x", "https://a..b/x", "http://127.0.0.1",
            "https://127.0.0.1/x#frag", "https://u:p@127.0.0.1/x", "https://127.0.0.1/%zz", "javascript:alert(1)",
            "00000000-0000-0000-0000-000000000000", "-1", "1e3");

    /** A JSON value, often of a type nobody expects: numbers out of range, huge, deeply nested, NUL-bearing. */
    public static String jsonValue(Random random) {
        return switch (random.nextInt(26)) {
            case 22, 23, 24 -> "\"" + EDGE_STRINGS.get(random.nextInt(EDGE_STRINGS.size())) + "\"";
            case 0 -> "0";
            case 1 -> "-1";
            case 2 -> "1.5";
            case 3 -> "1e999";
            case 4 -> "-1e999";
            case 5 -> "123456789012345678901234567890";
            case 6 -> "9".repeat(1500);
            case 7 -> "null";
            case 8 -> "true";
            case 9 -> "false";
            case 10 -> "{}";
            case 11 -> "[]";
            case 12 -> "\"\"";
            case 13 -> "\"" + "x".repeat(100_000) + "\"";
            case 14 -> "[".repeat(2000) + "]".repeat(2000);
            case 15 -> "{\"a\":".repeat(2000) + "1" + "}".repeat(2000);
            case 16 -> "\"\\u0000\"";
            case 17 -> "\"\\ud800\"";
            case 18 -> "[null,1,\"a\",{}]";
            case 19 -> "{\"a\":\"b\"}";
            case 20 -> "\"" + new UUID(random.nextLong(), random.nextLong()) + "\"";
            default -> jsonString(random, 40);
        };
    }
}
