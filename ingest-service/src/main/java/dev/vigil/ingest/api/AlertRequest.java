package dev.vigil.ingest.api;

import dev.vigil.contracts.AlertStatus;
import dev.vigil.contracts.Severity;
import dev.vigil.ingest.ProbeResultParser;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One alert as a probe posts it to {@code POST /v1/alerts}, for the OpenAPI document only: the resource reads the
 * body as a tree and {@link ProbeResultParser} enforces these rules. AlertRequestTest holds the two together, so a
 * rule changed in one place and not the other fails the build.
 */
@Schema(name = "AlertRequest", description = "One probe result. Every error in a request is reported at once, each"
        + " with its field path (`severity`, `[2].labels.env`); one bad alert refuses the whole request. Strings are"
        + " stripped of surrounding whitespace before their length is checked, and no string may contain U+0000 or"
        + " an unpaired UTF-16 surrogate. A null counts as absent; fields not listed here are ignored.",
        examples = AlertRequest.EXAMPLE)
public record AlertRequest(
        @Schema(required = true, minLength = 1, maxLength = 100, pattern = NOT_BLANK,
                description = "What observed the failure: a probe, an exporter, a monitoring system",
                examples = "blackbox") String source,
        @Schema(required = true, minLength = 1, maxLength = 255, pattern = NOT_BLANK,
                description = "What the check is about: a host, a URL, a service", examples = "web-01")
        String resource,
        @Schema(required = true, minLength = 1, maxLength = 255, pattern = NOT_BLANK,
                description = "What was checked", examples = "http_5xx_rate") String check,
        @Schema(required = true, description = "How bad the failure is") Severity severity,
        @Schema(nullable = true, defaultValue = "firing",
                description = "Whether the check is failing or recovered; absent means firing") AlertStatus status,
        @Schema(nullable = true, minLength = 1, maxLength = 1024, pattern = NOT_BLANK,
                description = "One line for people; absent means '<check> on <resource>'",
                examples = "5xx rate above 5% for 5 minutes") String summary,
        @Schema(nullable = true, maxProperties = 64,
                propertyNames = LabelName.class, additionalProperties = LabelValue.class,
                description = "Identify the alert: they are part of its fingerprint and of the incident",
                examples = "{\"env\": \"prod\", \"team\": \"web\"}") Map<String, String> labels,
        @Schema(nullable = true, maxProperties = 64,
                propertyNames = LabelName.class, additionalProperties = AnnotationValue.class,
                description = "Further information that does not identify the alert, such as a runbook link",
                examples = "{\"dashboard\": \"https://grafana.example.com/d/web\"}") Map<String, String> annotations,
        @Schema(nullable = true, format = "date-time", maxLength = 64,
                description = "When the probe observed it, as an ISO-8601 instant; absent means when Vigil received"
                        + " it", examples = "2026-11-25T03:12:45Z") String observedAt,
        @Schema(nullable = true, minLength = 1, maxLength = 128, pattern = "^[A-Za-z0-9._:\\-]{1,128}$",
                description = "Which alerts are the same failure; absent means derived from source, resource, check"
                        + " and labels", examples = "web-01:http_5xx_rate") String fingerprint) {

    static final String NOT_BLANK = "\\S";

    static final String EXAMPLE = """
            {
              "source": "blackbox",
              "resource": "web-01",
              "check": "http_5xx_rate",
              "severity": "critical",
              "status": "firing",
              "summary": "5xx rate above 5% for 5 minutes",
              "labels": {"env": "prod", "team": "web"},
              "annotations": {"dashboard": "https://grafana.example.com/d/web"},
              "observedAt": "2026-11-25T03:12:45Z"
            }""";

    static final String BATCH_EXAMPLE = """
            [
              {"source": "blackbox", "resource": "web-01", "check": "http_5xx_rate", "severity": "critical"},
              {"source": "blackbox", "resource": "db-01", "check": "disk_free", "severity": "major",
               "status": "resolved", "labels": {"env": "prod"}}
            ]""";

    /** The body holding several alerts. */
    @Schema(name = "AlertRequestBatch", type = SchemaType.ARRAY, implementation = AlertRequest.class, minItems = 1,
            description = "Several alerts, accepted or refused together. More than vigil.ingest.max-alerts-per-request"
                    + " (1000 unless configured) is answered 413.")
    public static final class Batch {
        private Batch() {
        }
    }

    @Schema(name = "AlertLabelName", type = SchemaType.STRING, pattern = "^[A-Za-z_][A-Za-z0-9_.\\-/]{0,127}$",
            description = "A letter or _, then up to 127 letters, digits or _ . - /")
    static final class LabelName {
        private LabelName() {
        }
    }

    @Schema(name = "AlertLabelValue", type = SchemaType.STRING, maxLength = 1024)
    static final class LabelValue {
        private LabelValue() {
        }
    }

    @Schema(name = "AlertAnnotationValue", type = SchemaType.STRING, maxLength = 4096)
    static final class AnnotationValue {
        private AnnotationValue() {
        }
    }
}
