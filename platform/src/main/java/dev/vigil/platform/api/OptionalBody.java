package dev.vigil.platform.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.contracts.Json;
import dev.vigil.platform.json.StrictJsonCustomizer;
import dev.vigil.platform.problem.Problem;
import dev.vigil.platform.problem.ProblemException;
import dev.vigil.platform.problem.ProblemType;
import java.util.List;

/**
 * Reads the optional JSON body of an action such as {@code POST .../acknowledge}. Taken as text because a POST
 * without a body carries no content type, which a typed JSON parameter would refuse with 415; the operator at 3 a.m.
 * should be able to send just the POST.
 */
public final class OptionalBody {
    public static final int MAX_NOTE = 2000;
    /** As strict as the REST mapper a typed body goes through: {@code {"note": 5}} is refused, not read as "5". */
    private static final ObjectMapper STRICT = strict();

    private OptionalBody() {
    }

    /** The body as {@code type}, or null when there is none. */
    public static <T> T read(String body, Class<T> type) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return STRICT.readValue(body, type);
        } catch (JsonProcessingException e) {
            throw new ProblemException(ProblemType.MALFORMED_JSON, "The request body is not a valid "
                    + type.getSimpleName() + ": " + e.getOriginalMessage(), List.of());
        }
    }

    private static ObjectMapper strict() {
        ObjectMapper mapper = Json.mapper().copy();
        new StrictJsonCustomizer().customize(mapper);
        return mapper;
    }

    /** A note, trimmed; null when blank; a 400 naming {@code field} when too long. */
    public static String note(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (text.length() > MAX_NOTE) {
            throw ProblemException.invalid(List.of(new Problem.FieldError(field, "must be at most " + MAX_NOTE
                    + " characters")));
        }
        return text.strip();
    }
}
