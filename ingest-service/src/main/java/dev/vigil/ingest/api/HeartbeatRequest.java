package dev.vigil.ingest.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code PUT /v1/heartbeats/{name}}, and the optional body of a ping (without {@code tenant}). Both parts are text,
 * like the ping's query parameters: whole seconds or an ISO-8601 duration.
 */
@Schema(name = "HeartbeatRequest", examples = HeartbeatRequest.EXAMPLE)
public record HeartbeatRequest(
        @Schema(nullable = true, description = "The tenant the heartbeat belongs to; a token of one tenant may leave"
                + " it out. Not taken in a ping: the ingest key names the tenant", examples = "acme") String tenant,
        @Schema(nullable = true, description = "Expected time between pings: whole seconds (\"300\") or an ISO-8601"
                + " duration (\"PT5M\", \"P1D\"), from 1 s to 365 days. Absent: unchanged, or 1 day (P1D) for a new"
                + " heartbeat", examples = "P1D") String interval,
        @Schema(nullable = true, description = "How late a ping may be before the heartbeat is missed: whole seconds"
                + " or an ISO-8601 duration, from 0 s to 30 days. Absent: unchanged, or 1 hour (PT1H) for a new"
                + " heartbeat", examples = "PT1H") String grace) {

    static final String EXAMPLE = "{\"tenant\": \"acme\", \"interval\": \"P1D\", \"grace\": \"PT1H\"}";
    static final String PING_EXAMPLE = "{\"interval\": \"300\", \"grace\": \"60\"}";
}
