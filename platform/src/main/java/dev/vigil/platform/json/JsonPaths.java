package dev.vigil.platform.json;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/** Field paths as problems name them: {@code steps[0].title}, {@code [2].labels.env}. */
public final class JsonPaths {
    private static final String DUPLICATE_PREFIX = "Duplicate field '";

    private JsonPaths() {
    }

    /** The path Jackson recorded while a binding failure travelled out of nested deserializers. */
    public static String of(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : references) {
            if (ref.getFieldName() != null) {
                appendName(path, ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /**
     * The key a parser refused as a duplicate ({@code STRICT_DUPLICATE_DETECTION}), with its path. Jackson reports
     * it as a plain parse error, only its message tells it apart; the parser's context still points at the key.
     */
    public static Optional<String> duplicateKey(Exception failure) {
        if (failure instanceof JsonParseException parse && parse.getOriginalMessage() != null
                && parse.getOriginalMessage().startsWith(DUPLICATE_PREFIX) && parse.getProcessor() != null) {
            return Optional.of(of(parse.getProcessor().getParsingContext()));
        }
        return Optional.empty();
    }

    static String of(JsonStreamContext context) {
        Deque<JsonStreamContext> chain = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            chain.push(c);
        }
        StringBuilder path = new StringBuilder();
        for (JsonStreamContext c : chain) {
            if (c.inArray()) {
                path.append('[').append(Math.max(c.getCurrentIndex(), 0)).append(']');
            } else if (c.getCurrentName() != null) {
                appendName(path, c.getCurrentName());
            }
        }
        return path.toString();
    }

    private static void appendName(StringBuilder path, String name) {
        path.append(path.isEmpty() ? "" : ".").append(name);
    }
}
