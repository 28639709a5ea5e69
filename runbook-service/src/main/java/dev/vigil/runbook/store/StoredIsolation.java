package dev.vigil.runbook.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.vigil.contracts.Json;
import dev.vigil.runbook.Finding;
import dev.vigil.runbook.Isolation;
import dev.vigil.runbook.IsolationArea;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** An isolation record as {@code execution.isolation} holds it: area to finding, note, who and when. */
final class StoredIsolation {
    private static final TypeReference<Map<String, Area>> TYPE = new TypeReference<>() {
    };

    record Area(String finding, String note, String by, Instant at) {
    }

    private StoredIsolation() {
    }

    static String write(Isolation isolation) {
        Map<String, Area> stored = new LinkedHashMap<>();
        isolation.areas().forEach((area, checked) -> {
            if (checked.by() != null) {
                stored.put(area.wireName(), new Area(checked.finding().wireName(), checked.note(), checked.by(),
                        checked.at()));
            }
        });
        return Json.write(stored);
    }

    static Isolation read(String json) {
        try {
            Map<IsolationArea, Isolation.Checked> areas = new EnumMap<>(IsolationArea.class);
            Json.mapper().readValue(json, TYPE).forEach((name, area) -> areas.put(
                    IsolationArea.fromWire(name).orElseThrow(),
                    new Isolation.Checked(Finding.fromWire(area.finding()).orElseThrow(), area.note(), area.by(),
                            area.at())));
            return new Isolation(areas);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored isolation record is not readable: " + e.getOriginalMessage(), e);
        }
    }
}
