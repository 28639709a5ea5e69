package dev.vigil.testsupport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Holds a service's OpenAPI document to what a client needs from it, for every path and operation:
 * <ul>
 * <li>a POST, PUT or PATCH declares its request body, and each media type of a body has a schema (for JSON, not a
 * bare string: that is what an undocumented raw body looks like);</li>
 * <li>there is a 2xx response, and each 2xx but 204 has a content schema;</li>
 * <li>every 4xx and 5xx response is {@code application/problem+json} with a schema, and there is at least one
 * 4xx;</li>
 * <li>the operation has a security requirement (Vigil has no public operation) naming declared schemes, and then
 * documents its 401;</li>
 * <li>a list answers a page ({@code items} and {@code nextCursor}), never a bare array, and takes an integer
 * {@code limit} and a {@code cursor};</li>
 * <li>the document declares security schemes, and every {@code $ref} to a schema it uses resolves.</li>
 * </ul>
 * Every gap is reported at once, each with its method and path.
 */
public final class OpenApiCompleteness {
    public static final String PROBLEM_JSON = "application/problem+json";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options",
            "trace");
    private static final Set<String> BODY_METHODS = Set.of("post", "put", "patch");
    private static final String SCHEMA_REF = "#/components/schemas/";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private OpenApiCompleteness() {
    }

    /** The running test application's document, as JSON text (RestAssured points at the Quarkus test app). */
    public static String fetch() {
        return RestAssured.given().queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200).extract().asString();
    }

    /** Fetches the document, keeps a copy at {@code copy} for people to read, and asserts it is complete. */
    public static void assertServedDocumentComplete(Path copy) {
        String document = fetch();
        try {
            Files.createDirectories(copy.toAbsolutePath().getParent());
            Files.writeString(copy, document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertComplete(document);
    }

    /**
     * The request body example {@code name} of an operation, as JSON text, so a test can send what the document
     * shows. Fails if there is none.
     */
    public static String requestExample(JsonNode document, String method, String path, String name) {
        JsonNode example = document.path("paths").path(path).path(method.toLowerCase(Locale.ROOT))
                .path("requestBody").path("content").path("application/json").path("examples").path(name)
                .path("value");
        if (example.isMissingNode()) {
            throw new AssertionError(method + " " + path + " has no request body example named " + name);
        }
        return example.toString();
    }

    public static void assertComplete(String document) {
        List<String> gaps = gaps(document);
        if (!gaps.isEmpty()) {
            throw new AssertionError(gaps.size() + " gap(s) in the OpenAPI document:\n  " + String.join("\n  ", gaps));
        }
    }

    public static List<String> gaps(String document) {
        try {
            return gaps(MAPPER.readTree(document));
        } catch (JsonProcessingException e) {
            return List.of("the document is not JSON: " + e.getOriginalMessage());
        }
    }

    public static List<String> gaps(JsonNode document) {
        List<String> gaps = new ArrayList<>();
        JsonNode schemas = document.path("components").path("schemas");
        JsonNode schemes = document.path("components").path("securitySchemes");
        if (!schemes.isObject() || schemes.isEmpty()) {
            gaps.add("the document declares no security schemes");
        }
        schemes.fields().forEachRemaining(scheme -> {
            if (!scheme.getValue().hasNonNull("type")) {
                gaps.add("security scheme " + scheme.getKey() + " has no type");
            }
        });
        JsonNode paths = document.path("paths");
        if (!paths.isObject() || paths.isEmpty()) {
            gaps.add("the document has no paths");
        }
        paths.fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
            if (METHODS.contains(operation.getKey())) {
                String name = operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
                new OperationCheck(name, operation.getKey(), operation.getValue(), document, schemas, schemes, gaps)
                        .run();
            }
        }));
        return gaps;
    }

    private record OperationCheck(String name, String method, JsonNode operation, JsonNode document,
            JsonNode schemas, JsonNode schemes, List<String> gaps) {

        void run() {
            requestBody();
            boolean secured = security();
            responses(secured);
            paging();
        }

        /**
         * A list is a page, and a page can be walked: limit and cursor. Only a read of a collection is a list: one
         * resource read by its id, or a change answering the resource, may hold items of its own.
         */
        private void paging() {
            if (!method.equals("get") || name.endsWith("}")) {
                return;
            }
            JsonNode schema = resolve(operation.path("responses").path("200").path("content")
                    .path("application/json").path("schema"));
            if (schema.path("type").asText("").equals("array")) {
                gap("answers a bare array: a list answers {items, nextCursor}");
                return;
            }
            if (!schema.path("properties").has("items")) {
                return;
            }
            if (!schema.path("properties").has("nextCursor")) {
                gap("answers items without a nextCursor");
            }
            JsonNode limit = queryParameter("limit");
            if (limit == null || !limit.path("schema").path("type").asText("").equals("integer")) {
                gap("lists without an integer limit parameter");
            }
            if (queryParameter("cursor") == null) {
                gap("lists without a cursor parameter");
            }
        }

        private JsonNode queryParameter(String wanted) {
            for (JsonNode parameter : operation.path("parameters")) {
                if (wanted.equals(parameter.path("name").asText()) && "query".equals(parameter.path("in").asText())) {
                    return parameter;
                }
            }
            return null;
        }

        private JsonNode resolve(JsonNode schema) {
            String ref = schema.path("$ref").asText("");
            return ref.startsWith(SCHEMA_REF) ? schemas.path(ref.substring(SCHEMA_REF.length())) : schema;
        }

        private void requestBody() {
            JsonNode body = operation.get("requestBody");
            if (body == null) {
                if (BODY_METHODS.contains(method)) {
                    gap("declares no request body");
                }
                return;
            }
            JsonNode content = body.path("content");
            if (!content.isObject() || content.isEmpty()) {
                gap("request body has no content");
                return;
            }
            content.fields().forEachRemaining(media -> schema("request body " + media.getKey(), media.getKey(),
                    media.getValue().get("schema")));
        }

        /** True when the operation has a requirement, so it must document its 401. */
        private boolean security() {
            JsonNode security = operation.has("security") ? operation.get("security") : document.get("security");
            if (security == null || !security.isArray() || security.isEmpty()) {
                gap("has no security requirement");
                return false;
            }
            for (JsonNode requirement : security) {
                if (requirement.isEmpty()) {
                    gap("lets a caller without credentials through (an empty security requirement)");
                }
                requirement.fieldNames().forEachRemaining(scheme -> {
                    if (!schemes.has(scheme)) {
                        gap("requires security scheme " + scheme + ", which the document does not declare");
                    }
                });
            }
            return true;
        }

        private void responses(boolean secured) {
            JsonNode responses = operation.path("responses");
            boolean success = false;
            boolean clientProblem = false;
            for (Iterator<Map.Entry<String, JsonNode>> it = responses.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> response = it.next();
                String code = response.getKey();
                JsonNode content = response.getValue().path("content");
                if (code.startsWith("2")) {
                    success = true;
                    if (code.equals("204")) {
                        continue;
                    }
                    if (!content.isObject() || content.isEmpty()) {
                        gap("response " + code + " has no content");
                    }
                    content.fields().forEachRemaining(media -> schema("response " + code + " " + media.getKey(),
                            media.getKey(), media.getValue().get("schema")));
                } else if (code.startsWith("4") || code.startsWith("5")) {
                    JsonNode problem = content.path(PROBLEM_JSON);
                    if (problem.isMissingNode()) {
                        gap("response " + code + " is not " + PROBLEM_JSON);
                    } else if (schema("response " + code + " " + PROBLEM_JSON, PROBLEM_JSON, problem.get("schema"))
                            && code.startsWith("4")) {
                        clientProblem = true;
                    }
                }
            }
            if (!success) {
                gap("documents no 2xx response");
            }
            if (!clientProblem) {
                gap("documents no 4xx " + PROBLEM_JSON + " response");
            }
            if (secured && !responses.has("401")) {
                gap("is secured but documents no 401");
            }
        }

        /** Reports what is wrong with one content schema; true if nothing is. */
        private boolean schema(String where, String mediaType, JsonNode schema) {
            if (schema == null || !schema.isObject() || schema.isEmpty()) {
                gap(where + " has no schema");
                return false;
            }
            boolean json = mediaType.equals("application/json") || mediaType.endsWith("+json");
            JsonNode type = schema.path("type");
            boolean string = type.asText("").equals("string")
                    || type.isArray() && type.size() == 1 && type.get(0).asText("").equals("string");
            if (json && schema.size() == 1 && string) {
                gap(where + " is an untyped string");
                return false;
            }
            List<String> missing = new ArrayList<>();
            schema.findValues("$ref").forEach(ref -> {
                String target = ref.asText();
                if (target.startsWith(SCHEMA_REF) && !schemas.has(target.substring(SCHEMA_REF.length()))) {
                    missing.add(target);
                }
            });
            missing.forEach(target -> gap(where + " refers to " + target + ", which the document does not define"));
            return missing.isEmpty();
        }

        private void gap(String what) {
            gaps.add(name + ": " + what);
        }
    }
}
