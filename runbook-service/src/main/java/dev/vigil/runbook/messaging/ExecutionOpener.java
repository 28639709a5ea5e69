package dev.vigil.runbook.messaging;

import dev.vigil.contracts.EventIds;
import dev.vigil.contracts.EventTypes;
import dev.vigil.contracts.IncidentChange;
import dev.vigil.contracts.IncidentEvent;
import dev.vigil.contracts.Json;
import dev.vigil.contracts.Keys;
import dev.vigil.contracts.RunbookExecutionEvent;
import dev.vigil.contracts.Topics;
import dev.vigil.platform.inbox.Inbox;
import dev.vigil.platform.outbox.Outbox;
import dev.vigil.platform.outbox.OutboxEntry;
import dev.vigil.runbook.Execution;
import dev.vigil.runbook.Runbook;
import dev.vigil.runbook.RunbookMatcher;
import dev.vigil.runbook.store.ExecutionRepository;
import dev.vigil.runbook.store.NewExecution;
import dev.vigil.runbook.store.RunbookRepository;
import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Applies one batch of incident events in one transaction: claims their ids in the inbox, opens an execution
 * for every runbook a newly opened incident matches, and writes one event per opened execution to the outbox.
 * A redelivered batch claims nothing and so changes nothing.
 */
@ApplicationScoped
@IfBuildProperty(name = "vigil.pipeline.enabled", stringValue = "true")
public class ExecutionOpener {
    private final Pool pool;
    private final Inbox inbox;
    private final Outbox outbox;
    private final RunbookRepository runbooks;
    private final ExecutionRepository executions;

    public ExecutionOpener(Pool pool, Inbox inbox, Outbox outbox, RunbookRepository runbooks,
            ExecutionRepository executions) {
        this.pool = pool;
        this.inbox = inbox;
        this.outbox = outbox;
        this.runbooks = runbooks;
        this.executions = executions;
    }

    /** @return the executions opened, empty when the batch opened none */
    public Uni<List<Execution>> apply(List<AnnouncedIncident> incidents) {
        if (incidents.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return pool.withTransaction(connection -> inbox
                .claim(connection, incidents.stream().map(AnnouncedIncident::eventId).toList())
                .chain(fresh -> openFor(connection, incidents.stream()
                        .filter(incident -> fresh.contains(incident.eventId()))
                        // updates and resolutions are claimed too, so their redelivery stays a no-op, but open nothing
                        .filter(incident -> incident.event().change() == IncidentChange.OPENED)
                        .toList()))
                .call(opened -> outbox.append(connection, opened.stream().map(ExecutionOpener::openedEvent).toList())));
    }

    private Uni<List<Execution>> openFor(SqlConnection connection, List<AnnouncedIncident> opened) {
        if (opened.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        Set<String> tenants = opened.stream().map(incident -> incident.event().tenant()).collect(Collectors.toSet());
        return runbooks.listForTenants(connection, tenants)
                .chain(catalog -> executions.open(connection, plan(opened, catalog)));
    }

    private static List<NewExecution> plan(List<AnnouncedIncident> opened, List<Runbook> catalog) {
        List<NewExecution> planned = new ArrayList<>();
        for (AnnouncedIncident incident : opened) {
            IncidentEvent event = incident.event();
            for (Runbook runbook : RunbookMatcher.matching(event, catalog)) {
                UUID id = Execution.idFor(incident.eventId(), runbook.id());
                planned.add(new NewExecution(id, event.tenant(), event.incidentId(), runbook.id(), incident.eventId()));
            }
        }
        return planned;
    }

    private static OutboxEntry openedEvent(Execution execution) {
        String type = EventTypes.RUNBOOK_EXECUTION_OPENED;
        UUID eventId = EventIds.derived(execution.id(), type);
        RunbookExecutionEvent event = new RunbookExecutionEvent(eventId, execution.tenant(), execution.id(),
                execution.incidentId(), execution.runbookId(), execution.runbookName(), execution.stepCount(),
                execution.openedAt());
        return new OutboxEntry(eventId, Topics.RUNBOOK, Keys.incident(execution.tenant(), execution.incidentId()),
                type, execution.tenant(), Json.write(event));
    }
}
