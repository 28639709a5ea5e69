package dev.vigil.ingest.cloudwatch;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.contracts.Json;
import dev.vigil.contracts.Severity;
import dev.vigil.ingest.ProbeResult;
import dev.vigil.ingest.ProbeResultParser;
import dev.vigil.ingest.VendorText;
import dev.vigil.platform.validation.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * Reads the CloudWatch alarm state change an SNS Notification carries in its Message as one probe result. ALARM
 * fires and OK resolves the alert of the same alarm (fingerprint from its ARN). INSUFFICIENT_DATA fires too, at
 * warning at most: missing data is not proof of a breach, but it often means what was watched is gone, and
 * resolving would close an ALARM with no sign of recovery. CloudWatch has no severity: an alarm names its own with
 * {@code [severity:<name>]} in its description, otherwise it is a warning.
 */
public final class CloudWatchAlarm {
    public static final String SOURCE = "cloudwatch";
    public static final Severity DEFAULT_SEVERITY = Severity.WARNING;
    private static final ObjectReader STRICT_READER = Json.mapper().reader()
            .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final Pattern SEVERITY_MARKER = Pattern.compile("\\[severity:\\s*([^\\]]{0,40})\\]",
            Pattern.CASE_INSENSITIVE);
    /** arn:<partition>:cloudwatch:<region>:<account>:alarm:<name>. */
    private static final Pattern ALARM_ARN = Pattern.compile(
            "arn:aws(?:-[a-z]+)*:cloudwatch:([a-z0-9-]{1,32}):([0-9]{12}):alarm:.+", Pattern.DOTALL);
    private static final Pattern FINGERPRINT = Pattern.compile("[A-Za-z0-9._:\\-]{1,128}");
    /** CloudWatch writes StateChangeTime as 2026-11-25T10:15:42.535+0000. */
    private static final DateTimeFormatter STATE_CHANGE_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss[.SSS]XX", Locale.ROOT);
    private static final String ALARM = "Message.";
    private static final String TRIGGER = "Message.Trigger.";
    private static final int MAX_RESOURCE = 255;
    private static final int MAX_DIMENSIONS = 30;

    private CloudWatchAlarm() {
    }

    /** The alarm in {@code notification}'s Message; a Message that is not one is refused naming Message. */
    public static List<ProbeResult> toProbeResults(SnsMessage notification) {
        JsonNode alarm = alarmIn(notification.message());
        String name = required(alarm, "AlarmName");
        String state = required(alarm, "NewStateValue");
        if (!state.equals("ALARM") && !state.equals("OK") && !state.equals("INSUFFICIENT_DATA")) {
            throw new InvalidInputException("Message.NewStateValue", "must be ALARM, OK or INSUFFICIENT_DATA");
        }
        String arn = required(alarm, "AlarmArn");
        Matcher arnParts = ALARM_ARN.matcher(arn);
        if (!arnParts.matches()) {
            throw new InvalidInputException("Message.AlarmArn",
                    "must be a CloudWatch alarm's ARN, arn:aws:cloudwatch:<region>:<account>:alarm:<name>");
        }
        String description = text(alarm, ALARM, "AlarmDescription");
        JsonNode trigger = alarm.path("Trigger");
        List<Map.Entry<String, String>> dimensions = dimensions(trigger);

        ObjectNode result = JsonNodeFactory.instance.objectNode();
        result.put("source", SOURCE);
        result.put("resource", VendorText.shortened(dimensions.isEmpty() ? name : dimensions.get(0).getValue(),
                MAX_RESOURCE));
        result.put("check", name);
        Optional<String> marker = marker(description);
        Severity configured = marker.flatMap(Severity::fromWire).orElse(DEFAULT_SEVERITY);
        Severity severity = state.equals("INSUFFICIENT_DATA") && configured.compareTo(Severity.WARNING) < 0
                ? Severity.WARNING : configured;
        result.put("severity", severity.wireName());
        result.put("status", state.equals("OK") ? "resolved" : "firing");
        result.put("fingerprint", fingerprint(arn));
        String reason = text(alarm, ALARM, "NewStateReason");
        result.put("summary", reason.isBlank() ? name + " is " + state
                : VendorText.shortened(reason, ProbeResultParser.MAX_SUMMARY));
        observedAt(alarm).ifPresent(at -> result.put("observedAt", at.toString()));

        ObjectNode labels = result.putObject("labels");
        String account = text(alarm, ALARM, "AWSAccountId");
        labels.put("aws_account", account.isBlank() ? arnParts.group(2) : account);
        labels.put("aws_region", arnParts.group(1));
        putIfPresent(labels, "namespace", text(trigger, TRIGGER, "Namespace"));
        putIfPresent(labels, "metric", text(trigger, TRIGGER, "MetricName"));
        StringBuilder unlabelled = new StringBuilder();
        for (Map.Entry<String, String> dimension : dimensions) {
            String label = "dimension." + dimension.getKey();
            if (ProbeResultParser.isLabelName(label) && !labels.has(label)) {
                labels.put(label, VendorText.shortened(dimension.getValue(), ProbeResultParser.MAX_LABEL_VALUE));
            } else {
                unlabelled.append(unlabelled.isEmpty() ? "" : ", ").append(dimension.getKey()).append('=')
                        .append(dimension.getValue());
            }
        }

        ObjectNode annotations = result.putObject("annotations");
        annotations.put("cloudwatch_state", state);
        annotations.put("alarm_arn", arn);
        putIfPresent(annotations, "previous_state", shortAnnotation(text(alarm, ALARM, "OldStateValue")));
        putIfPresent(annotations, "reason", shortAnnotation(reason));
        putIfPresent(annotations, "description", shortAnnotation(description));
        putIfPresent(annotations, "region_name", shortAnnotation(text(alarm, ALARM, "Region")));
        putIfPresent(annotations, "statistic", shortAnnotation(first(text(trigger, TRIGGER, "Statistic"),
                text(trigger, TRIGGER, "ExtendedStatistic"))));
        putIfPresent(annotations, "threshold", shortAnnotation((text(trigger, TRIGGER, "ComparisonOperator") + " "
                + scalar(trigger, "Threshold")).strip()));
        putIfPresent(annotations, "cloudwatch_dimensions", shortAnnotation(unlabelled.toString()));
        marker.filter(m -> Severity.fromWire(m).isEmpty())
                .ifPresent(unknown -> annotations.put("cloudwatch_severity", shortAnnotation(unknown)));
        annotations.put("sns_message_id", notification.messageId());
        annotations.put("sns_topic_arn", notification.topicArn());
        try {
            return ProbeResultParser.parse(result, 1);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(e.violations().stream().map(CloudWatchAlarm::asAlarmField).toList());
        }
    }

    /**
     * {@code cloudwatch:<AlarmArn>}, so an OK resolves its ALARM. An ARN that does not fit a fingerprint (an alarm
     * name with spaces, or over 117 characters) is replaced by its SHA-256, the same for every state of the alarm.
     */
    static String fingerprint(String arn) {
        String plain = SOURCE + ":" + arn;
        if (FINGERPRINT.matcher(plain).matches()) {
            return plain;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(arn.getBytes(StandardCharsets.UTF_8));
            return SOURCE + ":arn-sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static JsonNode alarmIn(String message) {
        JsonNode alarm;
        try {
            alarm = STRICT_READER.readTree(message);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("Message", "must be a CloudWatch alarm as JSON, which it is not");
        }
        if (alarm == null || !alarm.isObject() || !alarm.has("AlarmName") || !alarm.has("NewStateValue")) {
            throw new InvalidInputException("Message", "must be a CloudWatch alarm: an object with AlarmName and"
                    + " NewStateValue");
        }
        return alarm;
    }

    /** The severity an alarm's description names, as written (lower case), if it names one. */
    private static Optional<String> marker(String description) {
        Matcher marker = SEVERITY_MARKER.matcher(description);
        return marker.find() ? Optional.of(marker.group(1).strip().toLowerCase(Locale.ROOT)) : Optional.empty();
    }

    private static List<Map.Entry<String, String>> dimensions(JsonNode trigger) {
        JsonNode dimensions = trigger.path("Dimensions");
        if (dimensions.isMissingNode() || dimensions.isNull()) {
            return List.of();
        }
        if (!dimensions.isArray()) {
            throw new InvalidInputException("Message.Trigger.Dimensions", "must be an array of {name, value}");
        }
        return IntStream.range(0, Math.min(dimensions.size(), MAX_DIMENSIONS)).mapToObj(i -> {
            JsonNode dimension = dimensions.get(i);
            String field = "Message.Trigger.Dimensions[" + i + "]";
            if (!dimension.isObject() || !dimension.path("name").isTextual() || !dimension.path("value").isTextual()
                    || dimension.path("name").asText().isBlank() || dimension.path("value").asText().isBlank()) {
                throw new InvalidInputException(field, "must be {name, value}, both strings");
            }
            return Map.entry(dimension.get("name").asText().strip(), dimension.get("value").asText().strip());
        }).toList();
    }

    private static Optional<Instant> observedAt(JsonNode alarm) {
        String time = text(alarm, ALARM, "StateChangeTime");
        if (time.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(time, STATE_CHANGE_TIME).toInstant());
        } catch (DateTimeParseException notCloudWatchsSpelling) {
            try {
                return Optional.of(OffsetDateTime.parse(time).toInstant());
            } catch (DateTimeParseException e) {
                throw new InvalidInputException("Message.StateChangeTime",
                        "must be a time like 2026-11-25T10:15:42.535+0000");
            }
        }
    }

    private static String required(JsonNode alarm, String field) {
        String value = text(alarm, ALARM, field);
        if (value.isEmpty()) {
            throw new InvalidInputException("Message." + field, "is required");
        }
        return value;
    }

    /** A string member, "" when absent or null; another type is refused, naming it under {@code path}. */
    private static String text(JsonNode node, String path, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return "";
        }
        if (!value.isTextual()) {
            throw new InvalidInputException(path + field, "must be a string");
        }
        return value.asText().strip();
    }

    /** A number or a string member as text (Threshold is a number), "" when absent. */
    private static String scalar(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isValueNode() || value.isNull() ? "" : value.asText();
    }

    private static String first(String preferred, String fallback) {
        return preferred.isEmpty() ? fallback : preferred;
    }

    private static String shortAnnotation(String text) {
        return VendorText.shortened(text, ProbeResultParser.MAX_ANNOTATION_VALUE);
    }

    private static void putIfPresent(ObjectNode node, String name, String value) {
        if (!value.isBlank()) {
            node.put(name, value);
        }
    }

    private static InvalidInputException.Violation asAlarmField(InvalidInputException.Violation violation) {
        String field = switch (violation.field()) {
            case "resource" -> "Message.Trigger.Dimensions";
            case "check" -> "Message.AlarmName";
            case "summary", "annotations.reason" -> "Message.NewStateReason";
            case "annotations.description" -> "Message.AlarmDescription";
            default -> violation.field().startsWith("labels.dimension") ? "Message.Trigger.Dimensions" : "Message";
        };
        return new InvalidInputException.Violation(field, violation.reason());
    }
}
