package dev.vigil.ingest.api;

import dev.vigil.ingest.nagios.NagiosNotification;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A Nagios Core or Icinga 2 notification's macros, for the OpenAPI document only: {@link NagiosNotification}
 * reads them, names matched without regard to case.
 */
@Schema(name = "NagiosNotification", description = "A host notification names no SERVICEDESC; a service"
        + " notification does. PROBLEM and FLAPPINGSTART fire (severity from the state: CRITICAL and DOWN critical,"
        + " UNREACHABLE major, WARNING warning, UNKNOWN minor); RECOVERY resolves; FLAPPINGSTOP follows the state"
        + " (OK or UP resolves); ACKNOWLEDGEMENT, DOWNTIMESTART, DOWNTIMEEND, DOWNTIMECANCELLED and CUSTOM publish"
        + " nothing. Other members are ignored.", examples = NagiosRequest.EXAMPLE)
public record NagiosRequest(
        @Schema(required = true, description = "PROBLEM, RECOVERY, ACKNOWLEDGEMENT, FLAPPINGSTART, FLAPPINGSTOP,"
                + " FLAPPINGDISABLED, DOWNTIMESTART, DOWNTIMEEND, DOWNTIMECANCELLED, CUSTOM (Icinga 2's Problem,"
                + " FlappingEnd, DowntimeRemoved ... too)") String NOTIFICATIONTYPE,
        @Schema(required = true, maxLength = 255, description = "The alert's resource") String HOSTNAME,
        @Schema(description = "UP, DOWN or UNREACHABLE; required for a host notification") String HOSTSTATE,
        @Schema(maxLength = 255, description = "The alert's check; absent for a host notification (check"
                + " `host`)") String SERVICEDESC,
        @Schema(description = "OK, WARNING, CRITICAL or UNKNOWN; required for a service notification")
        String SERVICESTATE,
        @Schema(description = "The summary (shortened to 1024 characters)") String SERVICEOUTPUT,
        @Schema(description = "The summary of a host notification") String HOSTOUTPUT,
        String LONGSERVICEOUTPUT,
        String HOSTADDRESS,
        String NOTIFICATIONAUTHOR,
        String NOTIFICATIONCOMMENT,
        @Schema(description = "When it happened, in epoch seconds; absent means the time of receipt") String TIMET) {

    static final String EXAMPLE = """
            {"NOTIFICATIONTYPE": "PROBLEM", "HOSTNAME": "web-01", "HOSTADDRESS": "10.0.4.21",
             "SERVICEDESC": "HTTP", "SERVICESTATE": "CRITICAL",
             "SERVICEOUTPUT": "HTTP CRITICAL: HTTP/1.1 503 Service Unavailable", "TIMET": "1795576365"}""";
}
