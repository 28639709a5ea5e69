package dev.vigil.triage.api;

import dev.vigil.contracts.IncidentDecision;
import dev.vigil.contracts.Severity;
import dev.vigil.triage.Incident;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An incident as the operator API shows it. */
@Schema(description = "One failure of one group (by default a resource), however many alerts reported it, and what"
        + " people decided")
public record IncidentView(
        UUID id,
        String tenant,
        @Schema(description = "open (awaiting a decision), acknowledged (claimed), confirmed (a real failure: the"
                + " customer is told), dismissed (noise: the customer hears nothing), recovering (its alerts are"
                + " resolved but a runbook execution still runs) or resolved", enumeration = {"open", "acknowledged",
                "confirmed", "dismissed", "recovering", "resolved"}) String status,
        @Schema(description = "The alert that opened it: the probe's fingerprint, or one derived from source,"
                + " resource, check and labels") String fingerprint,
        String source,
        String resource,
        String check,
        Severity severity,
        String summary,
        Map<String, String> labels,
        @Schema(description = "How many alerts reported it") long occurrences,
        @Schema(description = "When it was raised: the observation time of the alert that opened it") Instant openedAt,
        Instant lastSeenAt,
        @Schema(description = "When its alerts last all resolved; null while they fire") Instant recoveredAt,
        @Schema(description = "When it ended; null while live") Instant resolvedAt,
        @Schema(description = "When a message about it first reached the customer") Instant firstCustomerContactAt,
        @Schema(description = "Runbook executions opened for it that have not ended") int runningExecutions,
        @Schema(description = "Who claimed, confirmed or dismissed it and when, its decision deadline, and its"
                + " assignee") IncidentDecision decision,
        @Schema(description = "The group it stands for: its tenant's group-by labels' values, e.g."
                + " resource=web-01") String group,
        @Schema(description = "Its alert flaps: it stays open through the swings, at no more than warning")
        boolean flapping) {

    static IncidentView of(Incident incident) {
        return new IncidentView(incident.id(), incident.tenant(), incident.status().wireName(),
                incident.fingerprint(), incident.source(), incident.resource(), incident.check(), incident.severity(),
                incident.summary(), incident.labels(), incident.occurrences(), incident.openedAt(),
                incident.lastSeenAt(), incident.recoveredAt(), incident.resolvedAt(), incident.firstContactAt(),
                incident.runningExecutions(), incident.decision(), incident.groupKey(), incident.flapping());
    }
}
