package dev.vigil.ingest.alertmanager;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.ingest.ProbeResult;
import dev.vigil.ingest.ProbeResultParser;
import dev.vigil.ingest.VendorText;
import dev.vigil.platform.validation.InvalidInputException;
import dev.vigil.platform.validation.StorableInstant;
import dev.vigil.platform.validation.InvalidInputException.Violation;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a notification in the shape of Alertmanager's webhook payload (version 4): a group of alerts, each with
 * status, labels, annotations, startsAt, endsAt, generatorURL and fingerprint. Alertmanager posts it, and Grafana's
 * contact point posts the same shape with members of its own, which the vendor's {@link Extras} keep. Each alert
 * becomes one result in Vigil's own shape, which {@link ProbeResultParser} then holds to the same limits as a
 * native alert, so every input refuses alike. Lenient where the vendors are: an unknown severity maps to
 * {@link SeverityTable#DEFAULT}, long annotations are shortened, unknown members are ignored.
 */
public final class AlertGroupReader {
    /** Which label names the affected machine or service, in order of preference. */
    public static final List<String> RESOURCE_LABELS = List.of("instance", "host", "hostname", "node", "pod",
            "service", "job");
    static final String UNKNOWN_RESOURCE = "unknown";
    static final String DEFAULT_CHECK = "alert";
    private static final List<String> SUMMARY_ANNOTATIONS = List.of("summary", "description", "message");
    private static final Pattern VENDOR_FINGERPRINT = Pattern.compile("[0-9a-f]{1,64}");
    private static final Pattern NATIVE_INDEX = Pattern.compile("^\\[(\\d+)]");

    /** What a vendor adds to an alert's annotations beyond the shared shape. */
    @FunctionalInterface
    public interface Extras {
        Extras NONE = (body, alert, annotations) -> {
        };

        /** @param body the whole notification, @param alert one of its alerts (an object) */
        void addTo(JsonNode body, JsonNode alert, ObjectNode annotations);
    }

    private final String source;
    private final String shape;
    private final Extras extras;

    /**
     * @param source the alerts' source, and the prefix of their fingerprints ({@code <source>:<vendor's>})
     * @param shape  what the body must be, for the refusal of one that is not: "an Alertmanager webhook object"
     */
    public AlertGroupReader(String source, String shape, Extras extras) {
        this.source = source;
        this.shape = shape;
        this.extras = extras;
    }

    /** The probe results of one notification, or the input exceptions naming each refused member. */
    public List<ProbeResult> toProbeResults(JsonNode body, int maxAlerts) {
        if (!body.isObject()) {
            throw new InvalidInputException("$", "must be " + shape);
        }
        JsonNode alerts = body.get("alerts");
        if (alerts == null || !alerts.isArray() || alerts.isEmpty()) {
            throw new InvalidInputException("alerts", "must be an array of at least one alert");
        }
        ArrayNode results = JsonNodeFactory.instance.arrayNode();
        alerts.forEach(alert -> results.add(toNative(body, alert)));
        try {
            return ProbeResultParser.parse(results, maxAlerts);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(e.violations().stream().map(AlertGroupReader::asVendorField).toList());
        }
    }

    /** Keeps {@code text}, shortened to the native limit, as annotation {@code name}; blank text is not kept. */
    public static void keep(ObjectNode annotations, String name, String text) {
        if (text != null && !text.isBlank()) {
            annotations.put(name, VendorText.shortened(text, ProbeResultParser.MAX_ANNOTATION_VALUE));
        }
    }

    /** The member's text, or null when it is absent or not a string. */
    public static String text(JsonNode node) {
        return node != null && node.isTextual() ? node.asText() : null;
    }

    /** The alert in Vigil's own shape; what is malformed is passed on for the parser to name. */
    private JsonNode toNative(JsonNode body, JsonNode alert) {
        if (!alert.isObject()) {
            return alert;
        }
        JsonNode labels = alert.path("labels");
        JsonNode annotations = alert.path("annotations");
        String status = alert.path("status").asText("");
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        result.put("source", source);
        result.put("resource", firstText(labels, RESOURCE_LABELS).orElse(UNKNOWN_RESOURCE));
        result.put("check", firstText(labels, List.of("alertname")).orElse(DEFAULT_CHECK));
        result.put("severity", SeverityTable.of(text(labels.get("severity"))).wireName());
        result.set("status", alert.get("status"));
        firstText(annotations, SUMMARY_ANNOTATIONS).ifPresent(summary -> result.put("summary",
                VendorText.shortened(summary, ProbeResultParser.MAX_SUMMARY)));
        result.set("labels", alert.get("labels"));
        result.set("annotations", annotations.isObject() ? keptAnnotations(body, alert) : alert.get("annotations"));
        observedAt(alert, status).ifPresent(at -> result.put("observedAt", at.toString()));
        String fingerprint = text(alert.get("fingerprint"));
        if (fingerprint != null && VENDOR_FINGERPRINT.matcher(fingerprint).matches()) {
            result.put("fingerprint", source + ":" + fingerprint);
        }
        return result;
    }

    /** The annotations, each text shortened to the native limit, with the rule's {@code generatorURL} and extras. */
    private ObjectNode keptAnnotations(JsonNode body, JsonNode alert) {
        ObjectNode kept = JsonNodeFactory.instance.objectNode();
        alert.get("annotations").fields().forEachRemaining(entry -> kept.set(entry.getKey(),
                entry.getValue().isTextual() ? JsonNodeFactory.instance.textNode(VendorText.shortened(
                        entry.getValue().asText(), ProbeResultParser.MAX_ANNOTATION_VALUE)) : entry.getValue()));
        keep(kept, "generatorURL", text(alert.get("generatorURL")));
        extras.addTo(body, alert, kept);
        return kept;
    }

    /**
     * When it happened: a firing alert since {@code startsAt}, a resolved one at {@code endsAt}. Both vendors write
     * the zero time (year 1) for "not yet"; such a time, one Vigil cannot store, or one that does not parse, leaves
     * the receipt time.
     */
    private static Optional<Instant> observedAt(JsonNode alert, String status) {
        String text = text(alert.get(status.equals("resolved") ? "endsAt" : "startsAt"));
        if (text == null) {
            return Optional.empty();
        }
        try {
            Instant at = Instant.parse(text);
            return at.isBefore(Instant.EPOCH) || !StorableInstant.isStorable(at) ? Optional.empty() : Optional.of(at);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> firstText(JsonNode map, List<String> names) {
        return names.stream().map(name -> text(map.get(name))).filter(value -> value != null && !value.isBlank())
                .findFirst();
    }

    /** {@code [3].labels} in the native shape is {@code alerts[3].labels} in what the vendor sent. */
    private static Violation asVendorField(Violation violation) {
        return new Violation(NATIVE_INDEX.matcher(violation.field()).replaceFirst("alerts[$1]"), violation.reason());
    }
}
