package dev.vigil.runbook.messaging;

import dev.vigil.contracts.IncidentChange;
import dev.vigil.contracts.IncidentEvent;
import dev.vigil.platform.outbox.Outbox;
import dev.vigil.runbook.Execution;
import dev.vigil.runbook.IncidentFacts;
import dev.vigil.runbook.Runbook;
import dev.vigil.runbook.RunbookMatcher;
import dev.vigil.runbook.store.ExecutionStore;
import dev.vigil.runbook.store.NewExecution;
import dev.vigil.runbook.store.RunbookStore;
import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Opens an execution for every runbook a confirmed incident matches and writes one event per opened execution to
 * the outbox. Only a confirmation opens executions: until a person (or the tenant's policy) has judged the incident a
 * real failure, nobody acts on it for the customer, and every other change (its opening, updates, dismissal,
 * resolution) opens nothing.
 */
@ApplicationScoped
@IfBuildProperty(name = "vigil.pipeline.enabled", stringValue = "true")
public class ExecutionOpener {
    private final Outbox outbox;
    private final RunbookStore runbooks;
    private final ExecutionStore executions;

    public ExecutionOpener(Outbox outbox, RunbookStore runbooks, ExecutionStore executions) {
        this.outbox = outbox;
        this.runbooks = runbooks;
        this.executions = executions;
    }

    /** @param events incident events by their {@code ce_id}, from which execution ids are derived */
    public Uni<Void> open(SqlConnection connection, Map<UUID, IncidentEvent> events) {
        Map<UUID, IncidentEvent> confirmed = new LinkedHashMap<>(events);
        confirmed.values().removeIf(event -> event.change() != IncidentChange.CONFIRMED);
        if (confirmed.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Set<String> tenants = confirmed.values().stream().map(IncidentEvent::tenant).collect(Collectors.toSet());
        return runbooks.listForTenants(connection, tenants)
                .chain(catalog -> executions.open(connection, plan(confirmed, catalog),
                        ExecutionEvents.SERVICE_ACTOR))
                .chain(opened -> outbox.append(connection,
                        opened.stream().map(ExecutionEvents::announcing).toList()));
    }

    private static List<NewExecution> plan(Map<UUID, IncidentEvent> confirmed, List<Runbook> catalog) {
        List<NewExecution> planned = new ArrayList<>();
        confirmed.forEach((eventId, event) -> {
            for (Runbook runbook : RunbookMatcher.matching(event, catalog)) {
                UUID id = Execution.idFor(eventId, runbook.id());
                planned.add(new NewExecution(id, event.tenant(), event.incidentId(), runbook.id(),
                        runbook.version(), eventId, new IncidentFacts(event.resource(), event.check(),
                        event.severity() == null ? null : event.severity().wireName(), event.summary(),
                        event.openedAt())));
            }
        });
        return planned;
    }
}
