package dev.vigil.runbook.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.vigil.contracts.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/** A decision step's branches as {@code execution_step.branches} holds them: answer to the step it goes on to. */
final class StoredBranches {
    private static final TypeReference<LinkedHashMap<String, String>> TYPE = new TypeReference<>() {
    };

    private StoredBranches() {
    }

    static Map<String, String> read(String json) {
        try {
            return Json.mapper().readValue(json, TYPE);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored decision branches are not readable", e);
        }
    }
}
