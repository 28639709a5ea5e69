package dev.vigil.runbook.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.vigil.contracts.Json;
import dev.vigil.runbook.Runbook;
import dev.vigil.runbook.RunbookStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What one runbook version says, as {@code runbook_version.definition} holds it. Steps are numbered by their place
 * in the list, so a document needs no positions.
 */
record StoredDefinition(String name, String description, Map<String, String> match, List<RunbookStep> steps) {

    static String write(Runbook runbook) {
        return Json.write(new StoredDefinition(runbook.name(), runbook.description(), runbook.match(),
                runbook.steps()));
    }

    static StoredDefinition read(String json) {
        try {
            StoredDefinition stored = Json.read(json, StoredDefinition.class);
            List<RunbookStep> numbered = new ArrayList<>(stored.steps().size());
            for (int i = 0; i < stored.steps().size(); i++) {
                numbered.add(stored.steps().get(i).at(i + 1));
            }
            return new StoredDefinition(stored.name(), stored.description(), stored.match(), numbered);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored runbook version is not readable", e);
        }
    }
}
