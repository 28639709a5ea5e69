package dev.vigil.ingest.grafana;

import static dev.vigil.ingest.alertmanager.AlertGroupReader.keep;
import static dev.vigil.ingest.alertmanager.AlertGroupReader.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.ingest.ProbeResult;
import dev.vigil.ingest.alertmanager.AlertGroupReader;
import java.util.List;
import java.util.StringJoiner;

/**
 * Reads what a Grafana (9+) unified-alerting webhook contact point posts: Alertmanager's shape
 * ({@link AlertGroupReader}: the same resource, check, severity, summary and times), source {@code grafana},
 * fingerprints {@code grafana:<Grafana's fingerprint>} (Grafana computes it from the labels, so a resolve matches its
 * firing). What Grafana adds to each alert stays readable as annotations of the same names: the dashboard, panel,
 * silence and image links, the query values, and the organisation. Grafana's own labels ({@code grafana_folder},
 * {@code __alert_rule_uid__}) are labels like any other.
 */
public final class GrafanaWebhook {
    public static final String SOURCE = "grafana";
    private static final List<String> LINKS = List.of("dashboardURL", "panelURL", "silenceURL", "imageURL");
    private static final AlertGroupReader READER = new AlertGroupReader(SOURCE,
            "a Grafana webhook contact point object", GrafanaWebhook::keepExtras);

    private GrafanaWebhook() {
    }

    /** The probe results of one notification, or the input exceptions naming each refused member. */
    public static List<ProbeResult> toProbeResults(JsonNode body, int maxAlerts) {
        return READER.toProbeResults(body, maxAlerts);
    }

    private static void keepExtras(JsonNode body, JsonNode alert, ObjectNode annotations) {
        LINKS.forEach(link -> keep(annotations, link, text(alert.get(link))));
        keep(annotations, "valueString", text(alert.get("valueString")));
        keep(annotations, "values", values(alert.get("values")));
        JsonNode orgId = body.get("orgId");
        if (orgId != null && (orgId.isIntegralNumber() || orgId.isTextual())) {
            keep(annotations, "orgId", orgId.asText());
        }
    }

    /** {@code {"B": 44.2, "C": 1}}, the value of each query and expression, as {@code B=44.2, C=1}. */
    private static String values(JsonNode values) {
        if (values == null || !values.isObject()) {
            return null;
        }
        StringJoiner text = new StringJoiner(", ");
        values.fields().forEachRemaining(value -> text.add(value.getKey() + "="
                + (value.getValue().isValueNode() ? value.getValue().asText() : value.getValue().toString())));
        return text.toString();
    }
}
