package dev.vigil.ingest.alertmanager;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.ingest.ProbeResult;
import dev.vigil.ingest.ProbeResultParser;
import dev.vigil.ingest.VendorText;
import dev.vigil.platform.validation.InvalidInputException;
import dev.vigil.platform.validation.InvalidInputException.Violation;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads what an Alertmanager {@code webhook_configs} receiver posts (payload version 4) as probe results. Each
 * alert of the group becomes one result in Vigil's own shape, which {@link ProbeResultParser} then holds to the
 * same limits as a native alert, so both inputs refuse alike. Lenient where Alertmanager is: an unknown severity
 * maps to {@link SeverityTable#DEFAULT}, long annotations are shortened, unknown members are ignored.
 */
public final class AlertmanagerWebhook {
    public static final String SOURCE = "alertmanager";
    /** Which label names the affected machine or service, in order of preference. */
    public static final List<String> RESOURCE_LABELS = List.of("instance", "host", "hostname", "node", "pod",
            "service", "job");
    static final String UNKNOWN_RESOURCE = "unknown";
    static final String DEFAULT_CHECK = "alert";
    private static final List<String> SUMMARY_ANNOTATIONS = List.of("summary", "description", "message");
    private static final Pattern AM_FINGERPRINT = Pattern.compile("[0-9a-f]{1,64}");
    private static final Pattern NATIVE_INDEX = Pattern.compile("^\\[(\\d+)]");

    private AlertmanagerWebhook() {
    }

    /** The probe results of one webhook call, or the input exceptions naming each refused member. */
    public static List<ProbeResult> toProbeResults(JsonNode body, int maxAlerts) {
        if (!body.isObject()) {
            throw new InvalidInputException("$", "must be an Alertmanager webhook object (version 4)");
        }
        JsonNode alerts = body.get("alerts");
        if (alerts == null || !alerts.isArray() || alerts.isEmpty()) {
            throw new InvalidInputException("alerts", "must be an array of at least one alert");
        }
        ArrayNode results = JsonNodeFactory.instance.arrayNode();
        alerts.forEach(alert -> results.add(toNative(alert)));
        try {
            return ProbeResultParser.parse(results, maxAlerts);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(e.violations().stream().map(AlertmanagerWebhook::asAlertmanagerField)
                    .toList());
        }
    }

    /** The alert in Vigil's own shape; what is malformed is passed on for the parser to name. */
    private static JsonNode toNative(JsonNode alert) {
        if (!alert.isObject()) {
            return alert;
        }
        JsonNode labels = alert.path("labels");
        JsonNode annotations = alert.path("annotations");
        String status = alert.path("status").asText("");
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        result.put("source", SOURCE);
        result.put("resource", firstText(labels, RESOURCE_LABELS).orElse(UNKNOWN_RESOURCE));
        result.put("check", firstText(labels, List.of("alertname")).orElse(DEFAULT_CHECK));
        result.put("severity", SeverityTable.of(text(labels.get("severity"))).wireName());
        result.set("status", alert.get("status"));
        firstText(annotations, SUMMARY_ANNOTATIONS).ifPresent(summary -> result.put("summary",
                VendorText.shortened(summary, ProbeResultParser.MAX_SUMMARY)));
        result.set("labels", alert.get("labels"));
        result.set("annotations", annotations.isObject() ? shortenedAnnotations(alert) : alert.get("annotations"));
        observedAt(alert, status).ifPresent(at -> result.put("observedAt", at.toString()));
        String fingerprint = text(alert.get("fingerprint"));
        if (fingerprint != null && AM_FINGERPRINT.matcher(fingerprint).matches()) {
            result.put("fingerprint", SOURCE + ":" + fingerprint);
        }
        return result;
    }

    /** The annotations, each text shortened to the native limit, with the rule's {@code generatorURL}. */
    private static ObjectNode shortenedAnnotations(JsonNode alert) {
        ObjectNode kept = JsonNodeFactory.instance.objectNode();
        alert.get("annotations").fields().forEachRemaining(entry -> kept.set(entry.getKey(),
                entry.getValue().isTextual() ? JsonNodeFactory.instance.textNode(VendorText.shortened(
                        entry.getValue().asText(), ProbeResultParser.MAX_ANNOTATION_VALUE)) : entry.getValue()));
        String generatorUrl = text(alert.get("generatorURL"));
        if (generatorUrl != null && !generatorUrl.isBlank()) {
            kept.put("generatorURL", VendorText.shortened(generatorUrl, ProbeResultParser.MAX_ANNOTATION_VALUE));
        }
        return kept;
    }

    /**
     * When it happened: a firing alert since {@code startsAt}, a resolved one at {@code endsAt}. Alertmanager
     * writes the zero time (year 1) for "not yet"; such a time, or one that does not parse, leaves the receipt time.
     */
    private static Optional<Instant> observedAt(JsonNode alert, String status) {
        String text = text(alert.get(status.equals("resolved") ? "endsAt" : "startsAt"));
        if (text == null) {
            return Optional.empty();
        }
        try {
            Instant at = Instant.parse(text);
            return at.isBefore(Instant.EPOCH) ? Optional.empty() : Optional.of(at);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> firstText(JsonNode map, List<String> names) {
        return names.stream().map(name -> text(map.get(name))).filter(value -> value != null && !value.isBlank())
                .findFirst();
    }

    private static String text(JsonNode node) {
        return node != null && node.isTextual() ? node.asText() : null;
    }

    /** {@code [3].labels} in the native shape is {@code alerts[3].labels} in what Alertmanager sent. */
    private static Violation asAlertmanagerField(Violation violation) {
        return new Violation(NATIVE_INDEX.matcher(violation.field()).replaceFirst("alerts[$1]"), violation.reason());
    }
}
