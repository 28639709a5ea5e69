package dev.vigil.ingest.api;

import dev.vigil.ingest.zabbix.ZabbixEvent;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What Vigil's Zabbix webhook media type sends (docs/integrations/zabbix/vigil-media-type.js), for the OpenAPI
 * document only: {@link ZabbixEvent} reads it.
 */
@Schema(name = "ZabbixEvent", description = "One Zabbix event. PROBLEM fires, RESOLVED resolves the alert of the"
        + " same problem event, UPDATE publishes nothing. Severity: Disaster critical, High major, Average minor,"
        + " Warning warning, Information and Not classified info, anything else warning. Members not listed here are"
        + " ignored.", examples = ZabbixRequest.EXAMPLE)
public record ZabbixRequest(
        @Schema(required = true, pattern = "^[0-9]{1,20}$", description = "{EVENT.ID}: the problem's event id, in"
                + " its recovery too; the alert's fingerprint is zabbix:<it>") String event_id,
        @Schema(required = true, enumeration = {"PROBLEM", "RESOLVED", "UPDATE"}) String status,
        @Schema(description = "{EVENT.SEVERITY}") String severity,
        @Schema(required = true, maxLength = 255, description = "{EVENT.NAME}: the alert's check") String trigger_name,
        String trigger_id,
        @Schema(required = true, maxLength = 255, description = "{HOST.HOST}: the alert's resource") String host,
        @Schema(description = "{HOST.NAME}, the visible name; the resource when host is empty") String host_name,
        @Schema(description = "{EVENT.TAGSJSON}: tags whose names are label names become labels (at most 32)")
        List<Tag> tags,
        @Schema(description = "{ALERT.MESSAGE}: its first line is the summary") String message,
        String update_action,
        String update_user) {

    @Schema(name = "ZabbixTag")
    public record Tag(String tag, String value) {
    }

    static final String EXAMPLE = """
            {"event_id": "8812", "status": "PROBLEM", "severity": "High", "trigger_name": "MySQL is down",
             "trigger_id": "23104", "host": "db-01", "host_name": "Shop database",
             "tags": [{"tag": "service", "value": "mysql"}, {"tag": "scope", "value": "availability"}],
             "message": "MySQL is down on db-01"}""";
}
