package dev.vigil.platform.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The REST mapper as {@link StrictJsonCustomizer} sets it up, on request-shaped records. */
class StrictJsonTest {
    private final ObjectMapper mapper = strictMapper();

    record Step(String title, List<String> tags) {
    }

    record Request(String name, Map<String, String> match, List<Step> steps) {
    }

    @Test
    void storableTextBindsUnchanged() throws Exception {
        Request request = mapper.readValue("{\"name\":\"Disk \\ud83d\\udd25\",\"match\":{\"env\":\"prod\"},"
                + "\"steps\":[{\"title\":\"Check\",\"tags\":[\"a\"]}]}", Request.class);

        assertEquals("Disk \uD83D\uDD25", request.name());
        assertEquals(Map.of("env", "prod"), request.match());
    }

    @Test
    void unstorableTextIsRefusedWithThePathOfItsField() {
        assertEquals("name", refusedPath("{\"name\":\"a\\u0000b\"}"));
        assertEquals("match.env", refusedPath("{\"match\":{\"env\":\"\\ud800\"}}"));
        assertEquals("match", refusedPath("{\"match\":{\"e\\u0000nv\":\"prod\"}}"));
        assertEquals("steps[1].title", refusedPath("{\"steps\":[{\"title\":\"ok\"},{\"title\":\"\\udc00\"}]}"));
        assertEquals("steps[0].tags[2]", refusedPath("{\"steps\":[{\"tags\":[\"a\",\"b\",\"\\u0000\"]}]}"));
    }

    @Test
    void aNumberOrBooleanWhereTextBelongsIsRefused() {
        for (String json : List.of("{\"name\":1e999}", "{\"name\":42}", "{\"name\":true}",
                "{\"match\":{\"env\":7}}", "{\"steps\":[{\"tags\":[false]}]}")) {
            assertThrows(JsonMappingException.class, () -> mapper.readValue(json, Request.class), json);
        }
    }

    @Test
    void aKeyNamedTwiceIsRefusedWithItsPath() {
        assertEquals(Optional.of("name"), duplicate("{\"name\":\"a\",\"name\":\"b\"}"));
        assertEquals(Optional.of("match.env"), duplicate("{\"match\":{\"env\":\"a\",\"env\":\"b\"}}"));
        assertEquals(Optional.of("steps[1].title"),
                duplicate("{\"steps\":[{\"title\":\"a\"},{\"title\":\"a\",\"title\":\"b\"}]}"));
    }

    @Test
    void otherParseErrorsAreNotTakenForDuplicates() {
        Exception e = assertThrows(Exception.class, () -> mapper.readValue("{\"name\": }", Request.class));
        assertEquals(Optional.empty(), JsonPaths.duplicateKey(e));
    }

    private String refusedPath(String json) {
        UnstorableTextException e = assertThrows(UnstorableTextException.class,
                () -> mapper.readValue(json, Request.class));
        return JsonPaths.of(e.getPath());
    }

    /** Where the REST reader sees it: wrapped by Jackson when it happens inside a list element. */
    private Optional<String> duplicate(String json) {
        Exception e = assertThrows(Exception.class, () -> mapper.readValue(json, Request.class));
        Throwable parse = e instanceof JsonMappingException && e.getCause() != null ? e.getCause() : e;
        assertInstanceOf(JsonParseException.class, parse);
        return JsonPaths.duplicateKey((Exception) parse);
    }

    private static ObjectMapper strictMapper() {
        ObjectMapper mapper = new ObjectMapper();
        new StrictJsonCustomizer().customize(mapper);
        return mapper;
    }
}
