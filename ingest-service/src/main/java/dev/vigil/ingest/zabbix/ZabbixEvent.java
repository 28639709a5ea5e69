package dev.vigil.ingest.zabbix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.contracts.Severity;
import dev.vigil.ingest.ProbeResult;
import dev.vigil.ingest.ProbeResultParser;
import dev.vigil.ingest.VendorText;
import dev.vigil.platform.validation.InvalidInputException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads what Vigil's Zabbix webhook media type (docs/integrations/zabbix) sends for one event as at most one probe
 * result. A PROBLEM fires and a RESOLVED resolves the alert of the same problem event (Zabbix names the problem's
 * event id in its recovery too); an UPDATE (acknowledged, commented, severity changed) is no new occurrence and
 * yields none. Zabbix's severities map by a documented table; an unknown one is a warning.
 */
public final class ZabbixEvent {
    public static final String SOURCE = "zabbix";
    private static final Map<String, Severity> SEVERITIES = Map.of("disaster", Severity.CRITICAL,
            "high", Severity.MAJOR, "average", Severity.MINOR, "warning", Severity.WARNING,
            "information", Severity.INFO, "not classified", Severity.INFO);
    private static final Pattern EVENT_ID = Pattern.compile("[0-9]{1,20}");
    private static final int MAX_LABELS = 32;

    private ZabbixEvent() {
    }

    public static List<ProbeResult> toProbeResults(JsonNode body) {
        if (!body.isObject()) {
            throw new InvalidInputException("$", "must be the object Vigil's Zabbix media type sends");
        }
        String status = text(body, "status").toUpperCase(Locale.ROOT);
        if (status.equals("UPDATE")) {
            return List.of();
        }
        if (!status.equals("PROBLEM") && !status.equals("RESOLVED")) {
            throw new InvalidInputException("status", "must be PROBLEM, RESOLVED or UPDATE");
        }
        String eventId = text(body, "event_id");
        if (!EVENT_ID.matcher(eventId).matches()) {
            throw new InvalidInputException("event_id", "must be Zabbix's event id, a number");
        }
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        result.put("source", SOURCE);
        result.put("resource", first(text(body, "host"), text(body, "host_name")));
        result.put("check", text(body, "trigger_name"));
        result.put("severity", SEVERITIES.getOrDefault(text(body, "severity").toLowerCase(Locale.ROOT),
                Severity.WARNING).wireName());
        result.put("status", status.equals("RESOLVED") ? "resolved" : "firing");
        result.put("fingerprint", SOURCE + ":" + eventId);
        String message = text(body, "message");
        if (!message.isBlank()) {
            result.put("summary", VendorText.shortened(message.lines().findFirst().orElse(message),
                    ProbeResultParser.MAX_SUMMARY));
        }
        ObjectNode labels = result.putObject("labels");
        ObjectNode annotations = result.putObject("annotations");
        annotations.put("zabbix_severity", text(body, "severity"));
        putIfPresent(annotations, "trigger_id", text(body, "trigger_id"));
        putIfPresent(annotations, "host_name", text(body, "host_name"));
        putIfPresent(annotations, "message", VendorText.shortened(message, ProbeResultParser.MAX_ANNOTATION_VALUE));
        tags(body.get("tags"), labels, annotations);
        try {
            return ProbeResultParser.parse(result, 1);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(e.violations().stream().map(ZabbixEvent::asZabbixField).toList());
        }
    }

    /** Tags whose names can be label names become labels; the rest stay readable in one annotation. */
    private static void tags(JsonNode tags, ObjectNode labels, ObjectNode annotations) {
        if (tags == null || !tags.isArray()) {
            return;
        }
        StringBuilder others = new StringBuilder();
        for (JsonNode tag : tags) {
            String name = tag.path("tag").asText("");
            String value = tag.path("value").asText("");
            if (ProbeResultParser.isLabelName(name) && labels.size() < MAX_LABELS && !labels.has(name)) {
                labels.put(name, VendorText.shortened(value, ProbeResultParser.MAX_LABEL_VALUE));
            } else if (!name.isBlank()) {
                others.append(others.isEmpty() ? "" : ", ").append(name).append(value.isEmpty() ? "" : ": " + value);
            }
        }
        putIfPresent(annotations, "zabbix_tags",
                VendorText.shortened(others.toString(), ProbeResultParser.MAX_ANNOTATION_VALUE));
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value != null && !value.isNull() && !value.isTextual()) {
            throw new InvalidInputException(field, "must be a string");
        }
        return value == null || value.isNull() ? "" : value.asText().strip();
    }

    private static String first(String preferred, String fallback) {
        return preferred.isEmpty() ? fallback : preferred;
    }

    private static void putIfPresent(ObjectNode node, String name, String value) {
        if (!value.isBlank()) {
            node.put(name, value);
        }
    }

    private static InvalidInputException.Violation asZabbixField(InvalidInputException.Violation violation) {
        String field = switch (violation.field()) {
            case "resource" -> "host";
            case "check" -> "trigger_name";
            case "summary" -> "message";
            default -> violation.field().startsWith("labels.") ? "tags" : violation.field();
        };
        return new InvalidInputException.Violation(field, violation.reason());
    }
}
