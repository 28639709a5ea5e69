package dev.vigil.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class OpenApiCompletenessTest {

    private static final String COMPLETE = """
            {
              "openapi": "3.1.0",
              "components": {
                "schemas": {
                  "Problem": {"type": "object"},
                  "Thing": {"type": "object"},
                  "PageThing": {"type": "object", "properties": {"items": {"type": "array",
                      "items": {"$ref": "#/components/schemas/Thing"}}, "nextCursor": {"type": "string"}}},
                  "CreateThing": {"type": "object"}
                },
                "securitySchemes": {"jwt": {"type": "http", "scheme": "bearer"}}
              },
              "paths": {
                "/v1/things": {
                  "get": {
                    "security": [{"jwt": ["operator"]}],
                    "parameters": [{"name": "limit", "in": "query", "schema": {"type": "integer"}},
                                   {"name": "cursor", "in": "query", "schema": {"type": "string"}}],
                    "responses": {
                      "200": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/PageThing"}}}},
                      "401": {"content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}
                    }
                  },
                  "post": {
                    "security": [{"jwt": ["supervisor"]}],
                    "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/CreateThing"}}}},
                    "responses": {
                      "201": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}},
                      "400": {"content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}},
                      "401": {"content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}
                    }
                  }
                },
                "/v1/things/{id}": {
                  "delete": {
                    "security": [{"jwt": ["supervisor"]}],
                    "responses": {
                      "204": {"description": "gone"},
                      "401": {"content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}
                    }
                  }
                }
              }
            }""";

    /** The same API with one gap of each kind, as an undocumented raw body and Uni<Response> leave them. */
    private static final String GAPPY = """
            {
              "openapi": "3.1.0",
              "components": {"schemas": {"Problem": {"type": "object"}}},
              "paths": {
                "/v1/things": {
                  "get": {
                    "responses": {
                      "200": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}},
                      "401": {"description": "Not Authorized"}
                    }
                  },
                  "post": {
                    "security": [{"jwt": ["supervisor"]}],
                    "requestBody": {"content": {"application/json": {"schema": {"type": "string"}}}},
                    "responses": {
                      "200": {"content": {"application/json": {}}},
                      "400": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}
                    }
                  },
                  "put": {
                    "security": [{}],
                    "responses": {
                      "400": {"content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}
                    }
                  }
                }
              }
            }""";

    @Test
    void aDocumentDescribingEveryOperationHasNoGaps() {
        assertEquals(List.of(), OpenApiCompleteness.gaps(COMPLETE));
        OpenApiCompleteness.assertComplete(COMPLETE);
    }

    @Test
    void everyGapIsReportedAtOnceWithItsMethodAndPath() {
        assertEquals(List.of(
                "the document declares no security schemes",
                "GET /v1/things: has no security requirement",
                "GET /v1/things: response 200 application/json refers to #/components/schemas/Thing, which the"
                        + " document does not define",
                "GET /v1/things: response 401 is not application/problem+json",
                "GET /v1/things: documents no 4xx application/problem+json response",
                "POST /v1/things: request body application/json is an untyped string",
                "POST /v1/things: requires security scheme jwt, which the document does not declare",
                "POST /v1/things: response 200 application/json has no schema",
                "POST /v1/things: response 400 is not application/problem+json",
                "POST /v1/things: documents no 4xx application/problem+json response",
                "POST /v1/things: is secured but documents no 401",
                "PUT /v1/things: declares no request body",
                "PUT /v1/things: lets a caller without credentials through (an empty security requirement)",
                "PUT /v1/things: documents no 2xx response",
                "PUT /v1/things: is secured but documents no 401"),
                OpenApiCompleteness.gaps(GAPPY));
    }

    @Test
    void aListMustBeAPageThatCanBeWalked() {
        String bareArray = COMPLETE.replace("{\"$ref\": \"#/components/schemas/PageThing\"}",
                "{\"type\": \"array\", \"items\": {\"$ref\": \"#/components/schemas/Thing\"}}");
        assertEquals(List.of("GET /v1/things: answers a bare array: a list answers {items, nextCursor}"),
                OpenApiCompleteness.gaps(bareArray));
        String noCursor = COMPLETE
                .replace("{\"name\": \"cursor\", \"in\": \"query\"", "{\"name\": \"after\", \"in\": \"query\"")
                .replace("{\"name\": \"limit\", \"in\": \"query\", \"schema\": {\"type\": \"integer\"}}",
                        "{\"name\": \"limit\", \"in\": \"query\", \"schema\": {\"type\": \"string\"}}");
        assertEquals(List.of("GET /v1/things: lists without an integer limit parameter",
                "GET /v1/things: lists without a cursor parameter"), OpenApiCompleteness.gaps(noCursor));
    }

    @Test
    void oneResourceReadByItsIdMayHoldItemsWithoutBeingAPage() {
        String oneThing = COMPLETE.replace("\"/v1/things/{id}\": {", """
                "/v1/things/{id}": {
                  "get": {
                    "security": [{"jwt": ["operator"]}],
                    "responses": {
                      "200": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/PageThing"}}}},
                      "401": {"content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}
                    }
                  },""");
        assertEquals(List.of(), OpenApiCompleteness.gaps(oneThing));
        assertEquals(List.of("GET /v1/things/{id}/parts: lists without an integer limit parameter",
                "GET /v1/things/{id}/parts: lists without a cursor parameter"),
                OpenApiCompleteness.gaps(oneThing.replace("\"/v1/things/{id}\": {", "\"/v1/things/{id}/parts\": {")));
    }

    @Test
    void anIncompleteDocumentFailsTheAssertionNamingEveryGap() {
        AssertionError failure = assertThrows(AssertionError.class, () -> OpenApiCompleteness.assertComplete(GAPPY));

        assertTrue(failure.getMessage().startsWith("15 gap(s) in the OpenAPI document:"), failure.getMessage());
        assertTrue(failure.getMessage().contains("POST /v1/things: response 200 application/json has no schema"),
                failure.getMessage());
    }

    @Test
    void aDocumentThatIsNotJsonIsAGapNotAnException() {
        List<String> gaps = OpenApiCompleteness.gaps("openapi: 3.1.0");

        assertEquals(1, gaps.size(), gaps.toString());
        assertTrue(gaps.get(0).startsWith("the document is not JSON: "), gaps.get(0));
    }
}
