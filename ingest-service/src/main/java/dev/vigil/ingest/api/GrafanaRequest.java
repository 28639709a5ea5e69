package dev.vigil.ingest.api;

import dev.vigil.ingest.grafana.GrafanaWebhook;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a Grafana (9+) unified-alerting webhook contact point posts, for the OpenAPI document only: the resource
 * reads the body as a tree and {@link GrafanaWebhook} maps it.
 */
@Schema(name = "GrafanaWebhook", description = "Grafana's webhook contact point payload: Alertmanager's webhook"
        + " payload with members of Grafana's own. Each alert becomes one Vigil alert (source `grafana`) read as an"
        + " Alertmanager alert is: check from the `alertname` label, resource from the first of the labels instance,"
        + " host, hostname, node, pod, service, job (`unknown` without one), severity from the `severity` label (see"
        + " README), summary from the annotation summary, description or message, every label kept (Grafana's"
        + " `grafana_folder` and `__alert_rule_uid__` too), annotations kept with generatorURL, dashboardURL,"
        + " panelURL, silenceURL, imageURL, valueString, values and the notification's orgId. Members not listed"
        + " here are ignored.", examples = GrafanaRequest.EXAMPLE)
public record GrafanaRequest(
        @Schema(description = "The contact point's name") String receiver,
        @Schema(enumeration = {"firing", "resolved"}) String status,
        @Schema(description = "Grafana's organisation; kept as the annotation orgId of each alert") Long orgId,
        Map<String, String> groupLabels,
        Map<String, String> commonLabels,
        Map<String, String> commonAnnotations,
        String externalURL,
        @Schema(examples = "1") String version,
        String groupKey,
        @Schema(description = "How many alerts Grafana left out of this notification; Vigil never sees those")
        Integer truncatedAlerts,
        @Schema(description = "Grafana's rendered title; not used") String title,
        @Schema(description = "alerting or ok; not used: each alert's status counts") String state,
        @Schema(description = "Grafana's rendered message; not used") String message,
        @Schema(required = true, minItems = 1) List<Alert> alerts) {

    @Schema(name = "GrafanaAlert")
    public record Alert(
            @Schema(required = true, enumeration = {"firing", "resolved"}) String status,
            @Schema(description = "At most 64; values up to 1024 characters") Map<String, String> labels,
            @Schema(description = "At most 64 with the links Vigil adds; values longer than 4096 characters are"
                    + " shortened") Map<String, String> annotations,
            @Schema(description = "When a firing alert is observed") String startsAt,
            @Schema(description = "When a resolved alert is observed; the zero time while firing") String endsAt,
            @Schema(description = "The values of the rule's queries and expressions; kept as the annotation values,"
                    + " like B=44.2, C=1") Map<String, Double> values,
            @Schema(description = "The same values as text") String valueString,
            String generatorURL,
            @Schema(description = "Grafana's fingerprint of the labels; Vigil's is grafana:<it>") String fingerprint,
            String silenceURL,
            String dashboardURL,
            String panelURL,
            String imageURL) {
    }

    static final String EXAMPLE = """
            {
              "receiver": "vigil",
              "status": "firing",
              "orgId": 1,
              "alerts": [
                {
                  "status": "firing",
                  "labels": {"alertname": "High memory usage", "instance": "web-01", "severity": "critical",
                             "grafana_folder": "Web", "__alert_rule_uid__": "ddlo3rc4dq"},
                  "annotations": {"summary": "Memory above 90% on web-01"},
                  "startsAt": "2026-11-25T03:12:45.123+01:00",
                  "endsAt": "0001-01-01T00:00:00Z",
                  "generatorURL": "https://grafana.example.net/alerting/grafana/ddlo3rc4dq/view?orgId=1",
                  "fingerprint": "c6eadffa33fcdf37",
                  "silenceURL": "https://grafana.example.net/alerting/silence/new?alertmanager=grafana",
                  "dashboardURL": "https://grafana.example.net/d/host-overview?orgId=1",
                  "panelURL": "https://grafana.example.net/d/host-overview?orgId=1&viewPanel=4",
                  "values": {"B": 93.4, "C": 1},
                  "valueString": "[ var='B' labels={instance=web-01} value=93.4 ], [ var='C' labels={instance=web-01} value=1 ]"
                }
              ],
              "groupLabels": {"alertname": "High memory usage", "grafana_folder": "Web"},
              "commonLabels": {"alertname": "High memory usage", "instance": "web-01", "severity": "critical"},
              "commonAnnotations": {"summary": "Memory above 90% on web-01"},
              "externalURL": "https://grafana.example.net/",
              "version": "1",
              "groupKey": "{}/{__grafana_autogenerated__=\\"true\\"}:{alertname=\\"High memory usage\\"}",
              "truncatedAlerts": 0,
              "title": "[FIRING:1] High memory usage Web (web-01 critical)",
              "state": "alerting",
              "message": "**Firing**\\n\\nValue: B=93.4, C=1"
            }""";

    static final String RESOLVED_EXAMPLE = """
            {
              "receiver": "vigil",
              "status": "resolved",
              "orgId": 1,
              "alerts": [
                {
                  "status": "resolved",
                  "labels": {"alertname": "High memory usage", "instance": "web-01", "severity": "critical",
                             "grafana_folder": "Web", "__alert_rule_uid__": "ddlo3rc4dq"},
                  "annotations": {"summary": "Memory above 90% on web-01"},
                  "startsAt": "2026-11-25T03:12:45.123+01:00",
                  "endsAt": "2026-11-25T03:40:00+01:00",
                  "generatorURL": "https://grafana.example.net/alerting/grafana/ddlo3rc4dq/view?orgId=1",
                  "fingerprint": "c6eadffa33fcdf37",
                  "values": {"B": 41.0, "C": 0},
                  "valueString": "[ var='B' labels={instance=web-01} value=41 ], [ var='C' labels={instance=web-01} value=0 ]"
                }
              ],
              "groupLabels": {"alertname": "High memory usage", "grafana_folder": "Web"},
              "commonLabels": {"alertname": "High memory usage", "instance": "web-01", "severity": "critical"},
              "commonAnnotations": {"summary": "Memory above 90% on web-01"},
              "externalURL": "https://grafana.example.net/",
              "version": "1",
              "groupKey": "{}/{__grafana_autogenerated__=\\"true\\"}:{alertname=\\"High memory usage\\"}",
              "truncatedAlerts": 0,
              "title": "[RESOLVED] High memory usage Web (web-01 critical)",
              "state": "ok",
              "message": "**Resolved**"
            }""";
}
