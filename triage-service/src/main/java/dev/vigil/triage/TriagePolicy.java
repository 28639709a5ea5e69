package dev.vigil.triage;

import dev.vigil.contracts.Alert;
import dev.vigil.contracts.AlertStatus;
import dev.vigil.contracts.EventIds;
import dev.vigil.contracts.IncidentChange;
import dev.vigil.contracts.IncidentStatus;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Decides what alerts do to incidents.
 * <ul>
 * <li>A firing alert opens an incident for its fingerprint, or counts one more occurrence of the live one. A new
 * incident waits for a person's decision, with a deadline per severity from the tenant's policy, unless the policy
 * confirms its severity automatically.</li>
 * <li>A resolved alert makes the live incident quiet. It ends at once, or, with a resolve delay, when the delay has
 * passed without the alert firing again ({@link Deadline.Kind#RESOLVE}). A confirmed incident with a runbook
 * execution still running is recovering instead ({@link IncidentLife#settle}).</li>
 * </ul>
 * Occurrence growth is reported once per batch per incident, so a storm of repeats does not become a storm of
 * events. Every id is derived from the alert that caused it, so reapplying a batch yields the same ids. Deadlines
 * count from when ingest received the alert: the wall clock, which is what a person's deadline is about.
 */
public final class TriagePolicy {
    static final String INCIDENT_ID_KIND = "incident";

    private TriagePolicy() {
    }

    /**
     * @param alerts   in the order they were published (per fingerprint, Kafka keeps that order)
     * @param live     the live incidents of the alerts' fingerprints
     * @param policies the policy of each tenant that has saved one; the others get {@link TenantPolicy#DEFAULT}
     */
    public static Changes apply(Iterable<Alert> alerts, Map<IncidentKey, Incident> live,
            Map<String, TenantPolicy> policies) {
        Map<IncidentKey, Incident> current = new HashMap<>(live);
        Map<UUID, Long> reportedOccurrences = new HashMap<>();
        Map<UUID, UUID> lastCause = new HashMap<>();
        Changes changes = new Changes();
        live.values().forEach(incident -> reportedOccurrences.put(incident.id(), incident.occurrences()));

        for (Alert alert : alerts) {
            IncidentKey key = new IncidentKey(alert.tenant(), alert.fingerprint());
            TenantPolicy policy = policies.getOrDefault(alert.tenant(), TenantPolicy.DEFAULT);
            Incident incident = current.get(key);
            if (alert.status() == AlertStatus.FIRING) {
                if (incident == null) {
                    incident = open(changes, alert, policy);
                    reportedOccurrences.put(incident.id(), incident.occurrences());
                } else {
                    incident = fireAgain(changes, incident, alert, policy);
                    lastCause.put(incident.id(), alert.eventId());
                }
                current.put(key, incident);
            } else if (incident != null && !incident.isQuiet()) {
                Incident settled = quieten(changes, incident, alert, policy);
                if (settled.isLive()) {
                    current.put(key, settled);
                } else {
                    current.remove(key);
                }
            }
        }

        for (Incident incident : current.values()) {
            Long reported = reportedOccurrences.get(incident.id());
            if (reported != null && incident.occurrences() > reported) {
                changes.change(null, incident, EventIds.derived(lastCause.get(incident.id()),
                        IncidentChange.UPDATED.eventType()), IncidentChange.UPDATED, IncidentLife.TRIAGE, null,
                        incident.lastSeenAt());
            }
        }
        return changes;
    }

    private static Incident open(Changes changes, Alert alert, TenantPolicy policy) {
        Incident opened = Incident.openedBy(EventIds.derived(alert.eventId(), INCIDENT_ID_KIND), alert);
        UUID eventId = EventIds.derived(alert.eventId(), IncidentChange.OPENED.eventType());
        if (policy.autoConfirms(alert.severity())) {
            // the OPENED event already shows it confirmed, so that nobody is asked to decide it; CONFIRMED follows
            Incident confirmed = opened.decided(IncidentStatus.CONFIRMED, opened.decision()
                    .confirmed(IncidentLife.POLICY, alert.receivedAt(), null, policy.reportRecovery()));
            changes.announce(confirmed, eventId, IncidentChange.OPENED, IncidentLife.TRIAGE, null);
            changes.fact(new TimelineEntry(eventId, opened.tenant(), opened.id(), alert.observedAt(),
                    IncidentLife.TRIAGE, IncidentChange.OPENED.wireName(), null, IncidentStatus.OPEN, null));
            return IncidentLife.confirmByPolicy(changes, opened, policy, alert.eventId(), alert.receivedAt());
        }
        Incident awaiting = policy.deadlineFor(alert.severity())
                .map(deadline -> {
                    Instant due = alert.receivedAt().plus(deadline);
                    changes.deadline(new Deadline(opened.id(), opened.tenant(), Deadline.Kind.DECISION, due));
                    return opened.decided(IncidentStatus.OPEN, opened.decision().dueAt(due));
                })
                .orElse(opened);
        return changes.change(null, awaiting, eventId, IncidentChange.OPENED, IncidentLife.TRIAGE, null,
                alert.observedAt());
    }

    private static Incident fireAgain(Changes changes, Incident incident, Alert alert, TenantPolicy policy) {
        Incident counted = changes.save(incident.recordOccurrence(alert));
        if (incident.status() == IncidentStatus.RECOVERING) {
            counted = changes.save(counted.withStatus(IncidentStatus.CONFIRMED));
            changes.fact(new TimelineEntry(EventIds.derived(alert.eventId(), TimelineKind.RELAPSED), incident.tenant(),
                    incident.id(), alert.observedAt(), IncidentLife.TRIAGE, TimelineKind.RELAPSED,
                    IncidentStatus.RECOVERING, IncidentStatus.CONFIRMED, "its alerts fire again"));
        }
        if (counted.status().isUndecided() && policy.autoConfirms(alert.severity())) {
            // it became severe enough for the policy to confirm it without a person
            counted = IncidentLife.confirmByPolicy(changes, counted, policy, alert.eventId(), alert.receivedAt());
        }
        return counted;
    }

    private static Incident quieten(Changes changes, Incident incident, Alert recovery, TenantPolicy policy) {
        Incident quiet = changes.save(incident.recovered(recovery.observedAt()));
        if (policy.resolveDelay().isZero()) {
            return IncidentLife.settle(changes, quiet, recovery.eventId(), recovery.observedAt());
        }
        changes.deadline(new Deadline(incident.id(), incident.tenant(), Deadline.Kind.RESOLVE,
                recovery.receivedAt().plus(policy.resolveDelay())));
        return quiet;
    }
}
