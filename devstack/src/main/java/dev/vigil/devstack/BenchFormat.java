package dev.vigil.devstack;

import dev.vigil.contracts.Json;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The input a benchmark request goes through, and the body it sends for a list of alert numbers. Alert n always
 * reads the same (its resource, labels and start), so sending the same numbers again is a repeat of the same
 * alerts, as a probe or Alertmanager repeats a firing alert.
 */
enum BenchFormat {
    /** {@code POST /v1/alerts}: an array of Vigil alerts. */
    NATIVE("/v1/alerts") {
        @Override
        String body(List<Long> alerts) {
            List<Map<String, Object>> body = new ArrayList<>(alerts.size());
            for (long n : alerts) {
                body.add(Map.of("source", "bench", "resource", "host-" + n, "check", "cpu", "severity", "warning",
                        "summary", "CPU above 90% for 5 minutes", "labels", Map.of("env", "prod", "dc", "tokyo-1")));
            }
            return Json.write(body);
        }
    },
    /** {@code POST /v1/ingest/alertmanager}: one webhook notification (version 4) holding the alerts. */
    ALERTMANAGER("/v1/ingest/alertmanager") {
        @Override
        String body(List<Long> alerts) {
            return Json.write(alertGroup(alerts, Map.of()));
        }
    },
    /** {@code POST /v1/ingest/grafana}: Grafana's contact point payload, Alertmanager's plus Grafana's fields. */
    GRAFANA("/v1/ingest/grafana") {
        @Override
        String body(List<Long> alerts) {
            Map<String, Object> body = alertGroup(alerts, Map.of("dashboardURL", "http://grafana:3000/d/cpu",
                    "valueString", "[ var='B' value=93.4 ]", "values", Map.of("B", 93.4)));
            body.put("orgId", 1);
            body.put("title", "[FIRING] HighCPU");
            return Json.write(body);
        }
    },
    /** {@code POST /v2/enqueue}: one PagerDuty Events API v2 trigger per request, whatever the batch. */
    PAGERDUTY("/v2/enqueue") {
        @Override
        String body(List<Long> alerts) {
            long n = alerts.get(0);
            return Json.write(Map.of("event_action", "trigger", "dedup_key", "host-" + n + "-cpu",
                    "payload", Map.of("summary", "CPU above 90% for 5 minutes", "source", "host-" + n,
                            "severity", "warning", "component", "cpu")));
        }

        @Override
        int maxBatch() {
            return 1;
        }

        @Override
        String withKey(String body, String key) {
            return body.substring(0, body.length() - 1) + ",\"routing_key\":" + Json.write(key) + "}";
        }
    };

    private final String path;

    BenchFormat(String path) {
        this.path = path;
    }

    String path() {
        return path;
    }

    abstract String body(List<Long> alerts);

    /** alerts one request of this format can carry. */
    int maxBatch() {
        return Integer.MAX_VALUE;
    }

    /** The body as sent with the tenant's key: a header carries it, except where the format has it inside. */
    String withKey(String body, String key) {
        return body;
    }

    /** An Alertmanager-shaped notification of firing alerts, each with {@code extras} as well. */
    private static Map<String, Object> alertGroup(List<Long> alerts, Map<String, Object> extras) {
        List<Map<String, Object>> list = new ArrayList<>(alerts.size());
        for (long n : alerts) {
            Map<String, Object> alert = new LinkedHashMap<>();
            alert.put("status", "firing");
            alert.put("labels", Map.of("alertname", "HighCPU", "instance", "host-" + n + ":9100",
                    "job", "node", "severity", "warning", "env", "prod"));
            alert.put("annotations", Map.of("summary", "CPU above 90% for 5 minutes"));
            alert.put("startsAt", "2026-11-25T03:00:00Z");
            alert.put("endsAt", "0001-01-01T00:00:00Z");
            alert.put("generatorURL", "http://prometheus:9090/graph?g0.expr=cpu");
            alert.put("fingerprint", HexFormat.of().toHexDigits(n));
            alert.putAll(extras);
            list.add(alert);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", "4");
        body.put("groupKey", "{}:{alertname=\"HighCPU\"}");
        body.put("truncatedAlerts", 0);
        body.put("status", "firing");
        body.put("receiver", "vigil");
        body.put("groupLabels", Map.of("alertname", "HighCPU"));
        body.put("commonLabels", Map.of("alertname", "HighCPU", "job", "node"));
        body.put("commonAnnotations", Map.of());
        body.put("externalURL", "http://alertmanager:9093");
        body.put("alerts", list);
        return body;
    }

    /** {@code --format}: a format's name in lower case. */
    static final class Name extends EnumName<BenchFormat> {
        Name() {
            super(BenchFormat.class);
        }
    }
}
