package dev.vigil.ingest.pagerduty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.ingest.ProbeResultParser;
import dev.vigil.ingest.VendorText;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * An event's {@code payload.custom_details}, free-form JSON, as annotations a reader can see at a glance: nested
 * members flattened to {@code custom_details.disk.used}, names fitted to the annotation-name rule, values shortened.
 * At most {@link #MAX_ENTRIES}, so the annotations stay within the native limit of 64; how many were left out is
 * said in {@code custom_details_omitted}, so nothing disappears unnoticed.
 */
final class CustomDetails {
    static final String PREFIX = "custom_details";
    static final int MAX_ENTRIES = 48;
    private static final int MAX_DEPTH = 8;
    private static final int MAX_NAME = 128;
    private static final Pattern NOT_IN_NAME = Pattern.compile("[^A-Za-z0-9_.\\-/]");

    private CustomDetails() {
    }

    static void keep(JsonNode details, ObjectNode annotations) {
        if (details == null || details.isNull()) {
            return;
        }
        Map<String, String> flat = new LinkedHashMap<>();
        int omitted = flatten(PREFIX, details, 0, flat);
        flat.forEach((name, value) -> annotations.put(name, VendorText.shortened(value,
                ProbeResultParser.MAX_ANNOTATION_VALUE)));
        if (omitted > 0) {
            annotations.put(PREFIX + "_omitted", omitted + " more entries of custom_details are not kept");
        }
    }

    /** Adds {@code value} under {@code name}, an object member by member; answers how many entries did not fit. */
    private static int flatten(String name, JsonNode value, int depth, Map<String, String> into) {
        if (value.isObject() && !value.isEmpty() && depth < MAX_DEPTH) {
            int omitted = 0;
            for (var members = value.fields(); members.hasNext(); ) {
                var member = members.next();
                omitted += flatten(name + "." + NOT_IN_NAME.matcher(member.getKey()).replaceAll("_"),
                        member.getValue(), depth + 1, into);
            }
            return omitted;
        }
        String fitted = name.length() > MAX_NAME ? name.substring(0, MAX_NAME) : name;
        if (into.containsKey(fitted)) {
            return 1;
        }
        if (into.size() >= MAX_ENTRIES) {
            return 1;
        }
        into.put(fitted, value.isValueNode() ? value.asText() : value.toString());
        return 0;
    }
}
