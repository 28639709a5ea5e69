package dev.vigil.runbook.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.vigil.platform.json.StrictJsonCustomizer;
import dev.vigil.platform.json.UnstorableTextException;
import dev.vigil.platform.problem.Problem;
import dev.vigil.platform.problem.ProblemException;
import dev.vigil.runbook.Runbook;
import dev.vigil.runbook.RunbookStep;
import dev.vigil.runbook.StepKind;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runbooks as YAML documents, so an MSP keeps its runbooks in git: the export of a version reads back as the same
 * definition. A document that is not YAML, or holds a key no runbook has, is refused naming its line; one that
 * breaks a rule is refused naming the field, as its JSON form would be.
 */
final class RunbookYaml {
    static final String MEDIA_TYPE = "application/yaml";

    private static final YAMLMapper MAPPER = strict(YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            // a misspelt key in a file kept in git is a mistake to point at, not a field to ignore
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            // YAML 1.1 reads yes, no, on and off as booleans: in a runbook they are words (answers, titles)
            .enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS)
            .serializationInclusion(JsonInclude.Include.NON_EMPTY)
            .build());
    private static final ObjectReader READER = MAPPER.readerFor(RunbookRequest.class);
    private static final ObjectWriter WRITER = MAPPER.writerFor(Document.class);

    private RunbookYaml() {
    }

    /**
     * What JSON bodies refuse, YAML refuses too: duplicate keys, unstorable text, and a number or boolean where
     * text belongs (010 would read as "8"; quoting it says what was meant).
     */
    private static YAMLMapper strict(YAMLMapper mapper) {
        new StrictJsonCustomizer().customize(mapper);
        return mapper;
    }

    /** What an export holds: the definition, without the catalog's ids and times. */
    record Document(String name, Boolean shared, String description, Map<String, String> match, List<Step> steps) {
    }

    record Step(String name, String kind, String title, String instructions, String expected, boolean critical,
            Boolean customerVisible, Boolean customerApproval, Map<String, String> branches, String next) {
    }

    /** The runbook a YAML document defines, checked as the JSON body is; a 400 naming the line or the field. */
    static RunbookRequest read(String yaml, Validator validator) {
        RunbookRequest request;
        try {
            request = READER.readValue(yaml);
        } catch (JsonMappingException e) {
            throw ProblemException.invalid(fieldOf(e), lineOf(locate(yaml, e)) + explain(e));
        } catch (JsonProcessingException e) {
            throw ProblemException.invalid("$", lineOf(e.getLocation()) + firstLine(e.getOriginalMessage()));
        }
        if (request == null) {
            throw ProblemException.invalid("$", "must be a runbook document, not empty");
        }
        Set<ConstraintViolation<RunbookRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations.stream()
                    .map(v -> new Problem.FieldError(v.getPropertyPath().toString(), v.getMessage()))
                    .sorted(Comparator.comparing(Problem.FieldError::field)).toList());
        }
        return request;
    }

    static String write(Runbook runbook) {
        try {
            return WRITER.writeValueAsString(new Document(runbook.name(), runbook.shared() ? Boolean.TRUE : null,
                    runbook.description(), runbook.match(),
                    runbook.steps().stream().map(RunbookYaml::step).toList()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a runbook could not be written as YAML", e);
        }
    }

    private static Step step(RunbookStep step) {
        return new Step(step.name(), step.kind() == StepKind.ACTION ? null : step.kind().wireName(), step.title(),
                step.instructions(), step.expected(), step.critical(), step.customerVisible() ? Boolean.TRUE : null,
                step.customerApproval() ? Boolean.TRUE : null, step.branches(), step.next());
    }

    /**
     * Where in the document the mistake's path starts. A record is read whole before its keys are checked, so the
     * exception's own location is past the mistake: the document is walked again to the path's first token.
     */
    private static JsonLocation locate(String yaml, JsonMappingException e) {
        StringBuilder pointer = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            pointer.append('/').append(reference.getIndex() >= 0 ? String.valueOf(reference.getIndex())
                    : reference.getFieldName());
        }
        try (JsonParser parser = MAPPER.createParser(yaml)) {
            while (parser.nextToken() != null) {
                if (parser.getParsingContext().pathAsPointer().toString().equals(pointer.toString())) {
                    return parser.currentTokenLocation();
                }
            }
        } catch (IOException walkFailed) {
            // the document read up to the mistake; the exception's location is the best left
        }
        return e.getLocation();
    }

    /** What is wrong, in the document's words rather than Java's. */
    private static String explain(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return "unknown key '" + unknown.getPropertyName() + "'; this part of a runbook takes "
                    + unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted()
                    .collect(Collectors.joining(", "));
        }
        if (e instanceof UnstorableTextException) {
            return firstLine(e.getOriginalMessage());
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return "must be " + expected(mismatch.getTargetType());
        }
        return firstLine(e.getOriginalMessage());
    }

    private static String expected(Class<?> type) {
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "text (quote a number or true/false meant as text)";
        }
        if (Map.class.isAssignableFrom(type)) {
            return "a mapping of names to text";
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "a mapping, as a runbook export shows";
    }

    private static String firstLine(String message) {
        return message == null ? "not a runbook document" : message.lines().findFirst().orElse(message);
    }

    /** {@code steps[1].critical}: where in the document the mistake is. */
    private static String fieldOf(JsonMappingException mapping) {
        if (mapping.getPath().isEmpty()) {
            return "$";
        }
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference reference : mapping.getPath()) {
            if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            } else if (reference.getFieldName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(reference.getFieldName());
            }
        }
        return field.isEmpty() ? "$" : field.toString();
    }

    private static String lineOf(JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? "" : "line " + location.getLineNr() + ": ";
    }
}
