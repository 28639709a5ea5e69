package dev.vigil.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.contracts.AlertStatus;
import dev.vigil.contracts.Severity;
import dev.vigil.platform.json.StorableText;
import dev.vigil.platform.validation.InvalidInputException;
import dev.vigil.platform.validation.StorableInstant;
import dev.vigil.platform.validation.InvalidInputException.Violation;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Validates the Vigil alert format: one object or an array of them. Every error is collected with its field
 * path ({@code [2].severity}) so a probe author fixes all of them at once; one bad element refuses the whole
 * request, so nothing is half-accepted. It reads a tree, not bound records, so it checks {@link StorableText}
 * itself on every string it keeps.
 */
public final class ProbeResultParser {
    /** The limits a native alert is held to; vendor readers fit free text to them rather than be refused. */
    public static final int MAX_SUMMARY = 1024;
    public static final int MAX_LABEL_VALUE = 1024;
    public static final int MAX_ANNOTATION_VALUE = 4096;
    public static final int MAX_RESOURCE = 255;
    public static final int MAX_CHECK = 255;
    private static final Pattern LABEL_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.\\-/]{0,127}");
    private static final Pattern FINGERPRINT = Pattern.compile("[A-Za-z0-9._:\\-]{1,128}");
    private static final int MAX_LABELS = 64;
    private static final String SEVERITIES = Arrays.stream(Severity.values()).map(Severity::wireName)
            .collect(Collectors.joining(", "));

    private ProbeResultParser() {
    }

    /** Whether {@code name} may name a label or an annotation. */
    public static boolean isLabelName(String name) {
        return LABEL_NAME.matcher(name).matches();
    }

    public static List<ProbeResult> parse(JsonNode body, int maxAlerts) {
        List<Violation> errors = new ArrayList<>();
        List<ProbeResult> results = new ArrayList<>();
        if (body.isArray()) {
            if (body.isEmpty()) {
                throw new InvalidInputException("$", "must hold at least one alert");
            }
            if (body.size() > maxAlerts) {
                throw new TooManyAlertsException(maxAlerts, body.size());
            }
            for (int i = 0; i < body.size(); i++) {
                results.add(parseOne(body.get(i), "[" + i + "].", errors));
            }
        } else if (body.isObject()) {
            results.add(parseOne(body, "", errors));
        } else {
            throw new InvalidInputException("$", "must be an alert object or an array of them");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return results;
    }

    private static ProbeResult parseOne(JsonNode node, String path, List<Violation> errors) {
        if (!node.isObject()) {
            errors.add(new Violation(path.isEmpty() ? "$" : path.substring(0, path.length() - 1), "must be an object"));
            return null;
        }
        String source = text(node, path, "source", 100, true, errors);
        String resource = text(node, path, "resource", MAX_RESOURCE, true, errors);
        String check = text(node, path, "check", MAX_CHECK, true, errors);
        String summary = text(node, path, "summary", MAX_SUMMARY, false, errors);
        Severity severity = null;
        String severityText = text(node, path, "severity", 20, true, errors);
        if (severityText != null) {
            severity = Severity.fromWire(severityText).orElse(null);
            if (severity == null) {
                errors.add(new Violation(path + "severity", "must be one of " + SEVERITIES));
            }
        }
        AlertStatus status = AlertStatus.FIRING;
        String statusText = text(node, path, "status", 20, false, errors);
        if (statusText != null) {
            status = AlertStatus.fromWire(statusText).orElse(null);
            if (status == null) {
                errors.add(new Violation(path + "status", "must be firing or resolved"));
            }
        }
        Map<String, String> labels = stringMap(node, path, "labels", MAX_LABEL_VALUE, errors);
        Map<String, String> annotations = stringMap(node, path, "annotations", MAX_ANNOTATION_VALUE, errors);
        Instant observedAt = null;
        String observedText = text(node, path, "observedAt", 64, false, errors);
        if (observedText != null) {
            try {
                observedAt = Instant.parse(observedText);
                if (!StorableInstant.isStorable(observedAt)) {
                    errors.add(new Violation(path + "observedAt", StorableInstant.RULE));
                    observedAt = null;
                }
            } catch (DateTimeParseException e) {
                errors.add(new Violation(path + "observedAt", "must be an ISO-8601 instant like 2026-11-25T03:12:45Z"));
            }
        }
        String fingerprint = text(node, path, "fingerprint", 128, false, errors);
        if (fingerprint != null && !FINGERPRINT.matcher(fingerprint).matches()) {
            errors.add(new Violation(path + "fingerprint", "may hold only letters, digits and . _ : -"));
        }
        if (summary == null && resource != null && check != null) {
            summary = check + " on " + resource;
        }
        return new ProbeResult(source, resource, check, severity, status, summary, labels, annotations, observedAt,
                fingerprint);
    }

    private static String text(JsonNode node, String path, String field, int maxLength, boolean required,
            List<Violation> errors) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                errors.add(new Violation(path + field, "is required"));
            }
            return null;
        }
        if (!value.isTextual()) {
            errors.add(new Violation(path + field, "must be a string"));
            return null;
        }
        String raw = value.asText();
        if (!StorableText.isStorable(raw)) {
            errors.add(new Violation(path + field, StorableText.RULE));
            return null;
        }
        String text = raw.strip();
        if (text.isEmpty()) {
            errors.add(new Violation(path + field, "must not be blank"));
            return null;
        }
        if (text.length() > maxLength) {
            errors.add(new Violation(path + field, "must be at most " + maxLength + " characters"));
            return null;
        }
        return text;
    }

    private static Map<String, String> stringMap(JsonNode node, String path, String field, int maxValueLength,
            List<Violation> errors) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Map.of();
        }
        if (!value.isObject()) {
            errors.add(new Violation(path + field, "must be an object of string values"));
            return Map.of();
        }
        if (value.size() > MAX_LABELS) {
            errors.add(new Violation(path + field, "must hold at most " + MAX_LABELS + " entries"));
            return Map.of();
        }
        Map<String, String> map = new LinkedHashMap<>();
        value.fields().forEachRemaining(entry -> {
            String entryPath = path + field + "." + entry.getKey();
            if (!StorableText.isStorable(entry.getKey())) {
                // the key itself cannot be shown: name its map
                errors.add(new Violation(path + field, "has a key that " + StorableText.RULE));
            } else if (!isLabelName(entry.getKey())) {
                errors.add(new Violation(entryPath, "is not a valid name"));
            } else if (!entry.getValue().isTextual()) {
                errors.add(new Violation(entryPath, "must be a string"));
            } else if (!StorableText.isStorable(entry.getValue().asText())) {
                errors.add(new Violation(entryPath, StorableText.RULE));
            } else if (entry.getValue().asText().length() > maxValueLength) {
                errors.add(new Violation(entryPath, "must be at most " + maxValueLength + " characters"));
            } else {
                map.put(entry.getKey(), entry.getValue().asText());
            }
        });
        return map;
    }
}
