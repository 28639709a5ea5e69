package dev.vigil.devstack;

import dev.vigil.contracts.Json;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

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
            return Json.write(body);
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

    /** {@code --format}: a format's name in lower case. */
    static final class Name implements ITypeConverter<BenchFormat> {
        @Override
        public BenchFormat convert(String value) {
            return Stream.of(values()).filter(f -> f.name().toLowerCase(Locale.ROOT).equals(value.trim()))
                    .findFirst().orElseThrow(() -> new TypeConversionException("'" + value + "' is not one of "
                            + Stream.of(values()).map(f -> f.name().toLowerCase(Locale.ROOT))
                                    .collect(Collectors.joining(", "))));
        }
    }
}
