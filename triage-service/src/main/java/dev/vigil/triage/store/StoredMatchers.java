package dev.vigil.triage.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.vigil.contracts.Json;
import dev.vigil.triage.rules.Matcher;
import java.util.List;

/** Label matchers as silences and windows store them: a JSON array of {@code {"label", "op", "value"}}. */
final class StoredMatchers {
    private static final TypeReference<List<Matcher>> LIST = new TypeReference<>() {
    };

    private StoredMatchers() {
    }

    static String write(List<Matcher> matchers) {
        return Json.write(matchers);
    }

    static List<Matcher> read(String json) {
        try {
            return Json.mapper().readValue(json, LIST);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored matchers are not readable", e);
        }
    }
}
