package dev.vigil.triage.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.vigil.contracts.Json;
import io.vertx.mutiny.sqlclient.Row;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * Reading and writing the column types triage's stores share. A stored value that does not read back was damaged
 * outside Vigil: that is an {@link IllegalStateException}, not bad input.
 */
final class Rows {
    private static final TypeReference<Map<String, String>> LABELS = new TypeReference<>() {
    };

    private Rows() {
    }

    static Map<String, String> labels(String json) {
        try {
            return Json.mapper().readValue(json, LABELS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored labels are not a JSON object", e);
        }
    }

    static <T> T read(String json, Class<T> type) {
        try {
            return Json.read(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored " + type.getSimpleName() + " is not readable", e);
        }
    }

    static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }

    static OffsetDateTime offset(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
