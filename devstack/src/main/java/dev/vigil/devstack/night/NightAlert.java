package dev.vigil.devstack.night;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One probe result of the night, as a native alert ({@code POST /v1/alerts}) plus its ground truth. Source,
 * resource, check and labels stay the same for every result of one check, so ingest gives them one fingerprint.
 */
public record NightAlert(String tenant, Instant observedAt, String resource, String check, String severity,
        String status, String summary, Truth truth) {
    public static final String SOURCE = "night-probe";

    public boolean firing() {
        return "firing".equals(status);
    }

    /** Where triage's incidents can be matched to it: they show tenant, resource and check. */
    public String key() {
        return key(tenant, resource, check);
    }

    static String key(String tenant, String resource, String check) {
        return tenant + "|" + resource + "|" + check;
    }

    /** The body ingest takes; the truth stays here. */
    public Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("source", SOURCE);
        json.put("resource", resource);
        json.put("check", check);
        json.put("severity", severity);
        json.put("status", status);
        json.put("summary", summary);
        json.put("labels", Map.of("env", "prod", "host", resource));
        json.put("observedAt", observedAt.toString());
        return json;
    }
}
