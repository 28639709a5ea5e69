package dev.vigil.ingest.api;

import dev.vigil.ingest.alertmanager.AlertmanagerWebhook;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What an Alertmanager {@code webhook_configs} receiver posts (payload version 4), for the OpenAPI document only:
 * the resource reads the body as a tree and {@link AlertmanagerWebhook} maps it.
 */
@Schema(name = "AlertmanagerWebhook", description = "Alertmanager's webhook payload, version 4, as its webhook"
        + " receiver sends it. Each alert becomes one Vigil alert (source `alertmanager`): check from the"
        + " `alertname` label, resource from the first of the labels instance, host, hostname, node, pod, service,"
        + " job (`unknown` without one), severity from the `severity` label (see README), summary from the"
        + " annotation summary, description or message, every label kept, annotations kept with `generatorURL`."
        + " Members not listed here are ignored.", examples = AlertmanagerRequest.EXAMPLE)
public record AlertmanagerRequest(
        @Schema(examples = "4") String version,
        @Schema(description = "Alertmanager's key for the group") String groupKey,
        @Schema(description = "How many alerts Alertmanager left out because of the receiver's max_alerts; Vigil"
                + " never sees those") Integer truncatedAlerts,
        @Schema(enumeration = {"firing", "resolved"}) String status,
        String receiver,
        Map<String, String> groupLabels,
        Map<String, String> commonLabels,
        Map<String, String> commonAnnotations,
        String externalURL,
        @Schema(required = true, minItems = 1) List<Alert> alerts) {

    @Schema(name = "AlertmanagerAlert")
    public record Alert(
            @Schema(required = true, enumeration = {"firing", "resolved"}) String status,
            @Schema(description = "At most 64; values up to 1024 characters") Map<String, String> labels,
            @Schema(description = "At most 64; values longer than 4096 characters are shortened")
            Map<String, String> annotations,
            @Schema(description = "When a firing alert is observed") String startsAt,
            @Schema(description = "When a resolved alert is observed; the zero time while firing") String endsAt,
            String generatorURL,
            @Schema(description = "Alertmanager's fingerprint of the labels; Vigil's is alertmanager:<it>, the same"
                    + " from every Alertmanager replica") String fingerprint) {
    }

    static final String EXAMPLE = """
            {
              "version": "4",
              "groupKey": "{}:{alertname=\\"HighErrorRate\\"}",
              "truncatedAlerts": 0,
              "status": "firing",
              "receiver": "vigil",
              "groupLabels": {"alertname": "HighErrorRate"},
              "commonLabels": {"alertname": "HighErrorRate", "severity": "critical"},
              "commonAnnotations": {},
              "externalURL": "http://alertmanager:9093",
              "alerts": [
                {
                  "status": "firing",
                  "labels": {"alertname": "HighErrorRate", "instance": "web-01:9100", "job": "node",
                             "severity": "critical"},
                  "annotations": {"summary": "5xx rate above 5% for 5 minutes"},
                  "startsAt": "2026-11-25T03:12:45.123Z",
                  "endsAt": "0001-01-01T00:00:00Z",
                  "generatorURL": "http://prometheus:9090/graph?g0.expr=rate",
                  "fingerprint": "4e2c1a9b7f3d8e60"
                }
              ]
            }""";
}
