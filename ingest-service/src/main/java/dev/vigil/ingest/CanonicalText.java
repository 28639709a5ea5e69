package dev.vigil.ingest;

import java.util.Map;
import java.util.TreeMap;

/**
 * Parts joined so that different parts give different text: each is length-prefixed, so ("ab","c") and
 * ("a","bc") differ, and an absent part differs from an empty one. Map entries go in key order.
 */
final class CanonicalText {
    private final StringBuilder text = new StringBuilder();

    CanonicalText add(String part) {
        if (part == null) {
            text.append("-;");
        } else {
            text.append(part.length()).append(':').append(part).append(';');
        }
        return this;
    }

    CanonicalText addEntries(Map<String, String> entries) {
        new TreeMap<>(entries).forEach((name, value) -> add(name).add(value));
        return this;
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
