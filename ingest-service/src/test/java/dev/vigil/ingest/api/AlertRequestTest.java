package dev.vigil.ingest.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.contracts.AlertStatus;
import dev.vigil.contracts.Json;
import dev.vigil.contracts.Severity;
import dev.vigil.ingest.ProbeResultParser;
import dev.vigil.ingest.TooManyAlertsException;
import dev.vigil.platform.validation.InvalidInputException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.junit.jupiter.api.Test;

/**
 * The alert the OpenAPI document describes ({@link AlertRequest}'s {@code @Schema}) is the alert
 * {@link ProbeResultParser} accepts: each documented limit is tried at its boundary against the parser.
 */
class AlertRequestTest {
    private static final int MAX_ALERTS = 1000;

    @Test
    void theDocumentedRequiredFieldsAreExactlyTheOnesTheParserRequires() {
        for (RecordComponent component : AlertRequest.class.getRecordComponents()) {
            String field = component.getName();
            ObjectNode absent = valid();
            absent.remove(field);
            ObjectNode nulled = valid();
            nulled.putNull(field);

            boolean required = schemaOf(component).required();
            assertEquals(required, errorsOf(absent).contains(field + ": is required"), field + " left out");
            assertEquals(required, errorsOf(nulled).contains(field + ": is required"), field + " null");
            if (!required) {
                assertEquals(List.of(), errorsOf(absent), field + " is optional");
                assertEquals(List.of(), errorsOf(nulled), field + " may be null");
            }
        }
    }

    @Test
    void everyDocumentedLengthIsTheParsersLimit() {
        for (RecordComponent component : AlertRequest.class.getRecordComponents()) {
            Schema schema = schemaOf(component);
            if (component.getType() != String.class || schema.maxLength() == 0) {
                continue;
            }
            String field = component.getName();
            int max = schema.maxLength();
            if (schema.format().isEmpty()) {
                assertEquals(List.of(), errorsOf(valid().put(field, "a".repeat(max))), field + " at its limit");
            }
            assertEquals(List.of(field + ": must be at most " + max + " characters"),
                    errorsOf(valid().put(field, "a".repeat(max + 1))), field + " past its limit");
            if (schema.pattern().equals(AlertRequest.NOT_BLANK)) {
                assertEquals(List.of(field + ": must not be blank"), errorsOf(valid().put(field, " \t ")),
                        field + " blank");
            }
        }
    }

    @Test
    void theDocumentedEnumsAreTheWireNamesTheParserAccepts() {
        for (Severity severity : Severity.values()) {
            assertEquals(List.of(), errorsOf(valid().put("severity", severity.wireName())));
        }
        for (AlertStatus status : AlertStatus.values()) {
            assertEquals(List.of(), errorsOf(valid().put("status", status.wireName())));
        }
        assertEquals(1, errorsOf(valid().put("severity", "CRITICAL")).size());
        assertEquals(List.of("status: must be firing or resolved"), errorsOf(valid().put("status", "ok")));
    }

    @Test
    void labelAndAnnotationLimitsAreTheParsers() {
        check("labels", AlertRequest.LabelValue.class);
        check("annotations", AlertRequest.AnnotationValue.class);
    }

    private static void check(String field, Class<?> valueSchema) {
        Schema map = schemaOf(component(field));
        int maxValue = valueSchema.getAnnotation(Schema.class).maxLength();

        assertEquals(List.of(), errorsOf(withEntries(field, map.maxProperties(), "v")), field + " full");
        assertEquals(List.of(field + ": must hold at most " + map.maxProperties() + " entries"),
                errorsOf(withEntries(field, map.maxProperties() + 1, "v")), field + " overfull");
        assertEquals(List.of(), errorsOf(withEntries(field, 1, "v".repeat(maxValue))), field + " longest value");
        assertEquals(List.of(field + ".k0: must be at most " + maxValue + " characters"),
                errorsOf(withEntries(field, 1, "v".repeat(maxValue + 1))), field + " value too long");

        Pattern names = Pattern.compile(AlertRequest.LabelName.class.getAnnotation(Schema.class).pattern());
        for (String name : List.of("env", "_x", "a.b-c/d_9", "A", "x".repeat(128), "x".repeat(129), "9lives",
                "-x", ".x", "a b", "é", "")) {
            ObjectNode alert = valid();
            alert.putObject(field).put(name, "v");
            // JSON Schema patterns are searched for, not matched whole: the documented one is anchored
            assertEquals(names.matcher(name).find(), errorsOf(alert).isEmpty(), field + " named '" + name + "'");
        }
    }

    @Test
    void theDocumentedFingerprintPatternIsTheParsers() {
        Pattern fingerprint = Pattern.compile(schemaOf(component("fingerprint")).pattern());
        for (String value : List.of("web-01:http_5xx_rate", "a.b_c:d-e", "x".repeat(128), "has space", "slash/es",
                "ümlaut", "semi;colon")) {
            assertEquals(fingerprint.matcher(value).find(), errorsOf(valid().put("fingerprint", value)).isEmpty(),
                    "fingerprint '" + value + "'");
        }
    }

    @Test
    void theDocumentedBatchNeedsAnAlertAndTheExamplesAreAccepted() throws JsonProcessingException {
        Schema batch = AlertRequest.Batch.class.getAnnotation(Schema.class);
        assertEquals(1, batch.minItems());
        assertEquals(List.of("$: must hold at least one alert"), errorsOf(JsonNodeFactory.instance.arrayNode()));

        assertEquals(List.of(), errorsOf(Json.mapper().readTree(AlertRequest.EXAMPLE)));
        assertEquals(List.of(), errorsOf(Json.mapper().readTree(AlertRequest.BATCH_EXAMPLE)));
        assertEquals(2, ProbeResultParser.parse(Json.mapper().readTree(AlertRequest.BATCH_EXAMPLE), MAX_ALERTS).size());
    }

    private static ObjectNode valid() {
        ObjectNode alert = JsonNodeFactory.instance.objectNode();
        alert.put("source", "blackbox").put("resource", "web-01").put("check", "http").put("severity", "critical");
        return alert;
    }

    private static ObjectNode withEntries(String field, int count, String value) {
        ObjectNode alert = valid();
        ObjectNode map = alert.putObject(field);
        for (int i = 0; i < count; i++) {
            map.put("k" + i, value);
        }
        return alert;
    }

    /** The parser's complaints as {@code field: message}, none if it accepts the body. */
    private static List<String> errorsOf(JsonNode body) {
        try {
            ProbeResultParser.parse(body, MAX_ALERTS);
            return List.of();
        } catch (InvalidInputException e) {
            List<String> errors = new ArrayList<>();
            e.violations().forEach(violation -> errors.add(violation.field() + ": " + violation.reason()));
            return errors;
        } catch (TooManyAlertsException e) {
            return List.of(e.getMessage());
        }
    }

    private static RecordComponent component(String name) {
        for (RecordComponent component : AlertRequest.class.getRecordComponents()) {
            if (component.getName().equals(name)) {
                return component;
            }
        }
        throw new AssertionError("AlertRequest has no " + name);
    }

    /** {@code @Schema} does not target record components: Java puts it on the field. */
    private static Schema schemaOf(RecordComponent component) {
        try {
            Schema schema = AlertRequest.class.getDeclaredField(component.getName()).getAnnotation(Schema.class);
            if (schema == null) {
                throw new AssertionError(component.getName() + " is not documented with @Schema");
            }
            return schema;
        } catch (NoSuchFieldException e) {
            throw new AssertionError(e);
        }
    }
}
