package dev.vigil.ingest.pagerduty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.contracts.Severity;
import dev.vigil.ingest.ProbeResult;
import dev.vigil.ingest.ProbeResultParser;
import dev.vigil.ingest.VendorText;
import dev.vigil.platform.json.StorableText;
import dev.vigil.platform.validation.InvalidInputException;
import dev.vigil.platform.validation.InvalidInputException.Violation;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One event of PagerDuty's Events API v2, read as PagerDuty reads it: {@code trigger} fires the alert of its
 * {@code dedup_key} (fingerprint {@code pagerduty:<dedup_key>}), {@code resolve} resolves it, {@code acknowledge} is
 * taken and publishes nothing (acknowledging is a human decision, made in Vigil). Strict where PagerDuty is: a
 * trigger needs {@code payload.summary}, {@code source} and {@code severity} (critical, error, warning, info),
 * acknowledge and resolve need the {@code dedup_key}, each missing one refused naming its path.
 *
 * @param dedupKey the key the sender resolves the alert with later: as sent, or generated for a trigger without one
 * @param results  the alert to publish, or none for an acknowledgement
 */
public record PagerDutyEvent(String dedupKey, List<ProbeResult> results) {
    public static final String SOURCE = "pagerduty";
    static final String UNKNOWN_RESOURCE = "unknown";
    static final String DEFAULT_CHECK = "alert";
    static final int MAX_DEDUP_KEY = 255;
    private static final Set<String> ACTIONS = Set.of("trigger", "acknowledge", "resolve");
    private static final Map<String, Severity> SEVERITIES = Map.of("critical", Severity.CRITICAL,
            "error", Severity.MAJOR, "warning", Severity.WARNING, "info", Severity.INFO);
    /** A dedup_key that can follow {@code pagerduty:} in a fingerprint (at most 128 characters) as it is. */
    private static final Pattern FINGERPRINT_SAFE = Pattern.compile("[A-Za-z0-9._:\\-]{1,118}");
    /** ISO 8601 with the offset as {@code Z}, {@code +01:00} or {@code +0100} (PagerDuty's own example). */
    private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter();

    /** The ingest key sent as {@code routing_key}, if one is. */
    public static Optional<String> routingKey(JsonNode body) {
        JsonNode key = body.isObject() ? body.get("routing_key") : null;
        if (key != null && !key.isNull() && !key.isTextual()) {
            throw new InvalidInputException("routing_key", "must be a string");
        }
        return key == null || key.isNull() || key.asText().isBlank() ? Optional.empty()
                : Optional.of(key.asText().strip());
    }

    /** The event, or the input exception naming every refused member. */
    public static PagerDutyEvent read(JsonNode body) {
        if (!body.isObject()) {
            throw new InvalidInputException("$", "must be a PagerDuty Events API v2 event object");
        }
        List<Violation> errors = new ArrayList<>();
        Members event = new Members(body, "", errors);
        String action = event.required("event_action");
        if (action != null && !ACTIONS.contains(action)) {
            errors.add(new Violation("event_action", "must be trigger, acknowledge or resolve"));
        }
        boolean trigger = "trigger".equals(action);
        boolean resolve = "resolve".equals(action);
        String dedupKey = event.text("dedup_key");
        if (dedupKey != null && dedupKey.length() > MAX_DEDUP_KEY) {
            errors.add(new Violation("dedup_key", "must be at most " + MAX_DEDUP_KEY + " characters"));
        } else if (dedupKey != null && !StorableText.isStorable(dedupKey)) {
            // it is answered back, and a lone surrogate has no UTF-8 form
            errors.add(new Violation("dedup_key", StorableText.RULE));
        } else if (!present(dedupKey) && (resolve || "acknowledge".equals(action))) {
            errors.add(new Violation("dedup_key", "is required to " + action));
        }
        Members payload = new Members(event.object("payload"), "payload.", errors);
        String summary = trigger ? payload.required("summary") : payload.text("summary");
        String source = trigger ? payload.required("source") : payload.text("source");
        String severityName = trigger ? payload.required("severity") : payload.text("severity");
        Severity severity = severityName == null ? null : SEVERITIES.get(severityName);
        if (trigger && severityName != null && !severityName.isEmpty() && severity == null) {
            errors.add(new Violation("payload.severity", "must be one of critical, error, warning, info"));
        }
        Alert alert = new Alert(source, payload.text("component"), payload.text("group"), payload.text("class"),
                summary, payload.text("timestamp"), payload.get("custom_details"), event.text("client"),
                event.text("client_url"), event.array("links"), event.array("images"));
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if ("acknowledge".equals(action)) {
            return new PagerDutyEvent(dedupKey, List.of());
        }
        ObjectNode result = alert.toNative(trigger, severity);
        try {
            ProbeResult read = ProbeResultParser.parse(result, 1).get(0);
            String key = present(dedupKey) ? dedupKey : generatedKey(read);
            return new PagerDutyEvent(key, List.of(withFingerprint(read, fingerprintOf(key))));
        } catch (InvalidInputException e) {
            throw new InvalidInputException(e.violations().stream().map(alert::asPagerDutyField).toList());
        }
    }

    /**
     * {@code pagerduty:<dedup_key>}; a key holding characters a fingerprint may not (a slash, a space), or too long,
     * is hashed instead, so a resolve still meets its trigger.
     */
    static String fingerprintOf(String dedupKey) {
        if (FINGERPRINT_SAFE.matcher(dedupKey).matches()) {
            return SOURCE + ":" + dedupKey;
        }
        return SOURCE + ":sha-" + sha256Hex(dedupKey);
    }

    /**
     * A trigger without a dedup_key gets one from its content, as PagerDuty generates one: the sender is told it and
     * can resolve the alert with it. From the content rather than random, so that a retried trigger gets the same
     * key and counts once.
     */
    private static String generatedKey(ProbeResult result) {
        return sha256Hex(result.canonicalContent());
    }

    /** The first 128 bits of the text's SHA-256, as 32 hex digits (the length of PagerDuty's own keys). */
    private static String sha256Hex(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }

    private static ProbeResult withFingerprint(ProbeResult r, String fingerprint) {
        return new ProbeResult(r.source(), r.resource(), r.check(), r.severity(), r.status(), r.summary(), r.labels(),
                r.annotations(), r.observedAt(), fingerprint);
    }

    /** What an event says about the alert, read and type-checked; blank members are absent. */
    private record Alert(String source, String component, String group, String eventClass, String summary,
            String timestamp, JsonNode customDetails, String client, String clientUrl, JsonNode links,
            JsonNode images) {

        /** The alert in Vigil's own shape; a resolve without a payload names no resource or check of its own. */
        ObjectNode toNative(boolean trigger, Severity severity) {
            ObjectNode result = JsonNodeFactory.instance.objectNode();
            result.put("source", SOURCE);
            result.put("resource", present(source) ? VendorText.shortened(source, ProbeResultParser.MAX_RESOURCE)
                    : UNKNOWN_RESOURCE);
            result.put("check", checkText().map(check -> VendorText.shortened(check, ProbeResultParser.MAX_CHECK))
                    .orElse(DEFAULT_CHECK));
            // a resolve is matched by its fingerprint alone: its severity is not checked, as PagerDuty does not
            result.put("severity", (severity != null ? severity : Severity.INFO).wireName());
            result.put("status", trigger ? "firing" : "resolved");
            if (present(summary)) {
                result.put("summary", VendorText.shortened(summary, ProbeResultParser.MAX_SUMMARY));
            }
            ObjectNode labels = result.putObject("labels");
            label(labels, "component", component);
            label(labels, "group", group);
            label(labels, "class", eventClass);
            ObjectNode annotations = result.putObject("annotations");
            CustomDetails.keep(customDetails, annotations);
            annotation(annotations, "client", client);
            annotation(annotations, "client_url", clientUrl);
            annotation(annotations, "links", lines(links, "href", "text"));
            annotation(annotations, "images", lines(images, "src", "alt"));
            if (present(timestamp)) {
                try {
                    result.put("observedAt", OffsetDateTime.parse(timestamp, TIMESTAMP).toInstant().toString());
                } catch (DateTimeParseException e) {
                    // lenient: the time of receipt, and what was sent stays readable
                    annotation(annotations, "pagerduty_timestamp", timestamp);
                }
            }
            return result;
        }

        /** What failed: the event's class, else its component, else its summary. */
        private Optional<String> checkText() {
            return Stream.of(eventClass, component, summary).filter(PagerDutyEvent::present).findFirst();
        }

        /** The member of the event a refused native field came from. */
        Violation asPagerDutyField(Violation violation) {
            String field = violation.field();
            String vendor = switch (field) {
                case "resource" -> "payload.source";
                case "check" -> present(eventClass) ? "payload.class"
                        : present(component) ? "payload.component" : "payload.summary";
                case "summary" -> "payload.summary";
                case "annotations.pagerduty_timestamp" -> "payload.timestamp";
                default -> field.startsWith("labels.") ? "payload." + field.substring("labels.".length())
                        : field.startsWith("annotations." + CustomDetails.PREFIX) ? "payload.custom_details"
                        : field.startsWith("annotations.") ? field.substring("annotations.".length())
                        : field;
            };
            return new Violation(vendor, violation.reason());
        }

        private static void label(ObjectNode labels, String name, String value) {
            if (present(value)) {
                labels.put(name, VendorText.shortened(value, ProbeResultParser.MAX_LABEL_VALUE));
            }
        }

        private static void annotation(ObjectNode annotations, String name, String value) {
            if (present(value)) {
                annotations.put(name, VendorText.shortened(value, ProbeResultParser.MAX_ANNOTATION_VALUE));
            }
        }

        /** Links or images, one a line: {@code text: href}; an element without its URL is left out. */
        private static String lines(JsonNode elements, String url, String label) {
            if (elements == null) {
                return null;
            }
            StringJoiner lines = new StringJoiner("\n");
            for (JsonNode element : elements) {
                String href = element.path(url).isTextual() ? element.get(url).asText().strip() : "";
                String text = element.path(label).isTextual() ? element.get(label).asText().strip() : "";
                if (!href.isEmpty()) {
                    lines.add(text.isEmpty() ? href : text + ": " + href);
                }
            }
            return lines.toString();
        }
    }

    private static boolean present(String text) {
        return text != null && !text.isEmpty();
    }

    /**
     * The members of one object of the event, each refusal collected with its path.
     *
     * @param node the object, or null when it was refused itself: its members are then absent and not required
     */
    private record Members(JsonNode node, String path, List<Violation> errors) {

        /** The member's text, stripped (empty when blank), or null when absent or not a string (then refused). */
        String text(String name) {
            JsonNode value = get(name);
            if (value == null) {
                return null;
            }
            if (!value.isTextual()) {
                errors.add(new Violation(path + name, "must be a string"));
                return null;
            }
            return value.asText().strip();
        }

        /** As {@link #text}, refusing an absent or blank member (of an object that was not refused itself). */
        String required(String name) {
            JsonNode value = get(name);
            String text = text(name);
            if (value == null && node != null) {
                errors.add(new Violation(path + name, "is required"));
            } else if (text != null && text.isEmpty()) {
                errors.add(new Violation(path + name, "must not be blank"));
            }
            return text;
        }

        /** The member if it is an object; absent is an empty one, anything else refused (null). */
        JsonNode object(String name) {
            JsonNode value = get(name);
            if (value != null && !value.isObject()) {
                errors.add(new Violation(path + name, "must be an object"));
                return null;
            }
            return value != null ? value : JsonNodeFactory.instance.objectNode();
        }

        /** The member if it is an array, null when absent; anything else refused. */
        JsonNode array(String name) {
            JsonNode value = get(name);
            if (value != null && !value.isArray()) {
                errors.add(new Violation(path + name, "must be an array of objects"));
                return null;
            }
            return value;
        }

        /** The member, or null when absent, JSON null, or its object was refused. */
        JsonNode get(String name) {
            JsonNode value = node == null ? null : node.get(name);
            return value == null || value.isNull() ? null : value;
        }
    }
}
