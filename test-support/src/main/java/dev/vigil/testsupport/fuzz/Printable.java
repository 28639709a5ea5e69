package dev.vigil.testsupport.fuzz;

import java.nio.charset.StandardCharsets;

/** Fuzzed text as a failure message can show it: escaped, and cut short with its full length noted. */
final class Printable {
    private Printable() {
    }

    /** Long text keeps its start and its end, where truncations and appended junk show. */
    static String of(String text, int max) {
        if (text == null) {
            return "null";
        }
        if (text.length() <= max) {
            return escaped(text);
        }
        return escaped(text.substring(0, max / 2)) + " ... " + escaped(text.substring(text.length() - max / 2))
                + " (" + text.length() + " chars)";
    }

    private static String escaped(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                out.append("\\\\");
            } else if (c < 0x20 || c == 0x7f || Character.isSurrogate(c) || c > 0x7e) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Bytes shown as UTF-8 where they decode, with what does not decode replaced by U+FFFD. */
    static String of(byte[] bytes, int max) {
        return of(new String(bytes, StandardCharsets.UTF_8), max);
    }
}
