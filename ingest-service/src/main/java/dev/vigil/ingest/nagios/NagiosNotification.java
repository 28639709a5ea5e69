package dev.vigil.ingest.nagios;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.contracts.Severity;
import dev.vigil.ingest.ProbeResult;
import dev.vigil.ingest.ProbeResultParser;
import dev.vigil.ingest.VendorText;
import dev.vigil.platform.validation.InvalidInputException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads a Nagios Core or Icinga 2 notification, sent as its macros (form-encoded or a JSON object of strings:
 * {@code NOTIFICATIONTYPE}, {@code HOSTNAME}, {@code HOSTSTATE}, {@code SERVICEDESC}, {@code SERVICESTATE}, the
 * outputs), as at most one probe result. A problem fires, a recovery resolves; an acknowledgement, a downtime or a
 * custom notification is no occurrence of a failure and yields none. Names are matched without regard to case,
 * and Icinga 2's spellings of the types ({@code FlappingEnd}, {@code DowntimeRemoved}) are understood.
 */
public final class NagiosNotification {
    public static final String SOURCE = "nagios";
    /** The check of a host notification: the host itself is what is down. */
    public static final String HOST_CHECK = "host";

    /** What a notification type means for the alert. */
    enum Kind { FIRES, FOLLOWS_STATE, NONE }

    private static final Map<String, Kind> TYPES = Map.ofEntries(
            Map.entry("PROBLEM", Kind.FIRES), Map.entry("RECOVERY", Kind.FOLLOWS_STATE),
            Map.entry("FLAPPINGSTART", Kind.FIRES), Map.entry("FLAPPINGSTOP", Kind.FOLLOWS_STATE),
            Map.entry("FLAPPINGEND", Kind.FOLLOWS_STATE), Map.entry("FLAPPINGDISABLED", Kind.FOLLOWS_STATE),
            Map.entry("ACKNOWLEDGEMENT", Kind.NONE), Map.entry("DOWNTIMESTART", Kind.NONE),
            Map.entry("DOWNTIMEEND", Kind.NONE), Map.entry("DOWNTIMECANCELLED", Kind.NONE),
            Map.entry("DOWNTIMEREMOVED", Kind.NONE), Map.entry("CUSTOM", Kind.NONE));
    private static final Map<String, Severity> STATES = Map.of(
            "CRITICAL", Severity.CRITICAL, "DOWN", Severity.CRITICAL, "UNREACHABLE", Severity.MAJOR,
            "WARNING", Severity.WARNING, "UNKNOWN", Severity.MINOR);
    private static final List<String> RECOVERED = List.of("OK", "UP");

    private NagiosNotification() {
    }

    /** The notification's probe result, none for a type that is no occurrence, or the refused macros named. */
    public static List<ProbeResult> toProbeResults(Map<String, String> macros) {
        Map<String, String> m = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        macros.forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                m.put(name.strip(), value.strip());
            }
        });
        String type = m.getOrDefault("NOTIFICATIONTYPE", "");
        Kind kind = TYPES.get(type.toUpperCase(Locale.ROOT));
        if (kind == null) {
            throw new InvalidInputException("NOTIFICATIONTYPE", "must be one of " + String.join(", ",
                    new TreeMap<>(TYPES).keySet()) + " (any case)");
        }
        if (kind == Kind.NONE) {
            return List.of();
        }
        boolean service = m.containsKey("SERVICEDESC");
        String stateMacro = service ? "SERVICESTATE" : "HOSTSTATE";
        String state = m.getOrDefault(stateMacro, "").toUpperCase(Locale.ROOT);
        boolean recovered = RECOVERED.contains(state);
        if (!recovered && !STATES.containsKey(state)) {
            throw new InvalidInputException(stateMacro, service ? "must be OK, WARNING, CRITICAL or UNKNOWN"
                    : "must be UP, DOWN or UNREACHABLE");
        }
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        result.put("source", SOURCE);
        Optional.ofNullable(m.get("HOSTNAME")).ifPresent(host -> result.put("resource", host));
        result.put("check", service ? m.get("SERVICEDESC") : HOST_CHECK);
        result.put("severity", STATES.getOrDefault(state, Severity.WARNING).wireName());
        result.put("status", kind == Kind.FOLLOWS_STATE && recovered || type.equalsIgnoreCase("RECOVERY")
                ? "resolved" : "firing");
        Optional.ofNullable(m.get(service ? "SERVICEOUTPUT" : "HOSTOUTPUT"))
                .ifPresent(output -> result.put("summary",
                        VendorText.shortened(output, ProbeResultParser.MAX_SUMMARY)));
        ObjectNode annotations = result.putObject("annotations");
        annotations.put("notification_type", type.toUpperCase(Locale.ROOT));
        annotations.put("state", state);
        for (String macro : List.of("HOSTADDRESS", "LONGSERVICEOUTPUT", "LONGHOSTOUTPUT", "NOTIFICATIONAUTHOR",
                "NOTIFICATIONCOMMENT")) {
            Optional.ofNullable(m.get(macro)).ifPresent(value -> annotations.put(macro.toLowerCase(Locale.ROOT),
                    VendorText.shortened(value, ProbeResultParser.MAX_ANNOTATION_VALUE)));
        }
        observedAt(m).ifPresent(at -> result.put("observedAt", at.toString()));
        try {
            return ProbeResultParser.parse(result, 1);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(e.violations().stream().map(NagiosNotification::asMacro).toList());
        }
    }

    /** {@code TIMET}, the notification's epoch seconds; a missing or malformed one means the time of receipt. */
    private static Optional<Instant> observedAt(Map<String, String> m) {
        try {
            return Optional.ofNullable(m.get("TIMET")).map(Long::parseLong).filter(s -> s > 0)
                    .map(Instant::ofEpochSecond);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The native field a violation names, as the macro the notification sent. */
    private static InvalidInputException.Violation asMacro(InvalidInputException.Violation violation) {
        String macro = switch (violation.field()) {
            case "resource" -> "HOSTNAME";
            case "check" -> "SERVICEDESC";
            case "summary" -> "SERVICEOUTPUT";
            default -> violation.field();
        };
        return new InvalidInputException.Violation(macro, violation.reason());
    }
}
