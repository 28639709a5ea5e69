package dev.vigil.triage.messaging;

import dev.vigil.contracts.Channels;
import dev.vigil.contracts.RunbookExecutionEvent;
import dev.vigil.platform.messaging.BatchProcessor;
import dev.vigil.platform.messaging.EventHandler;
import dev.vigil.platform.messaging.Subscription;
import dev.vigil.platform.outbox.OutboxRelay;
import dev.vigil.platform.security.TenantScope;
import dev.vigil.triage.Changes;
import dev.vigil.triage.Incident;
import dev.vigil.triage.IncidentLife;
import dev.vigil.triage.TimelineEntry;
import dev.vigil.triage.TimelineKind;
import dev.vigil.triage.store.ChangeStore;
import dev.vigil.triage.store.ExecutionLinkStore;
import dev.vigil.triage.store.IncidentStore;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Follows the runbook executions opened for incidents: each opening and ending is a timeline line, and a
 * recovering incident whose last running execution ended is resolved.
 */
@ApplicationScoped
public class RunbookEventsConsumer implements EventHandler<RunbookExecutionEvent> {
    private final BatchProcessor processor;
    private final ExecutionLinkStore executions;
    private final IncidentStore incidents;
    private final ChangeStore changes;
    private final OutboxRelay relay;

    public RunbookEventsConsumer(BatchProcessor processor, ExecutionLinkStore executions, IncidentStore incidents,
            ChangeStore changes, OutboxRelay relay) {
        this.processor = processor;
        this.executions = executions;
        this.incidents = incidents;
        this.changes = changes;
        this.relay = relay;
    }

    @Incoming(Channels.RUNBOOK_IN)
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        return processor.process(records, this);
    }

    @Override
    public Subscription<RunbookExecutionEvent> subscription() {
        return Subscription.RUNBOOK_EXECUTIONS;
    }

    @Override
    public Uni<Void> apply(SqlConnection connection, Map<UUID, RunbookExecutionEvent> fresh) {
        List<RunbookExecutionEvent> events = List.copyOf(fresh.values());
        Set<UUID> incidentIds = events.stream().map(RunbookExecutionEvent::incidentId).collect(Collectors.toSet());
        TenantScope tenants = TenantScope.of(events.stream().map(RunbookExecutionEvent::tenant).toList());
        return executions.record(connection, events)
                .chain(() -> incidents.findForUpdate(connection, tenants, incidentIds))
                .chain(found -> {
                    Changes result = new Changes();
                    Map<UUID, Incident> byId = new HashMap<>();
                    found.forEach(incident -> byId.put(incident.id(), incident));
                    for (RunbookExecutionEvent event : events) {
                        Incident incident = byId.get(event.incidentId());
                        // an execution of another tenant's incident id is not this incident's
                        if (incident == null || !incident.tenant().equals(event.tenant())) {
                            continue;
                        }
                        Instant at = event.occurredAt() != null ? event.occurredAt() : Instant.now();
                        result.fact(new TimelineEntry(event.eventId(), incident.tenant(), incident.id(), at,
                                event.actor() == null ? "runbook" : event.actor(),
                                TimelineKind.EXECUTION_PREFIX + event.change().wireName(), null, null, note(event)));
                        if (event.change().ends()) {
                            byId.put(incident.id(), IncidentLife.executionEnded(result, incident, event.eventId(), at));
                        }
                    }
                    return changes.write(connection, result);
                });
    }

    @Override
    public void committed(Collection<RunbookExecutionEvent> applied) {
        relay.wake();
    }

    private static String note(RunbookExecutionEvent event) {
        String name = "\"" + event.runbookName() + "\"";
        return event.note() == null || event.note().isBlank() ? name : name + ": " + event.note();
    }
}
