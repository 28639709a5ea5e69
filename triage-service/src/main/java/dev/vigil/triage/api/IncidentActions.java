package dev.vigil.triage.api;

import dev.vigil.platform.outbox.OutboxRelay;
import dev.vigil.platform.problem.ProblemException;
import dev.vigil.platform.security.TenantScope;
import dev.vigil.triage.Changes;
import dev.vigil.triage.Incident;
import dev.vigil.triage.IncidentLife;
import dev.vigil.triage.OperatorAction;
import dev.vigil.triage.TenantPolicy;
import dev.vigil.triage.store.ChangeStore;
import dev.vigil.triage.store.IncidentStore;
import dev.vigil.triage.store.PolicyStore;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Applies a person's action to an incident in one transaction: the incident row is locked, so two operators
 * confirming at once give one confirmation and a refusal, and a batch of alerts never overwrites the decision.
 */
@ApplicationScoped
public class IncidentActions {
    private final Pool pool;
    private final IncidentStore incidents;
    private final PolicyStore policies;
    private final ChangeStore changes;
    private final OutboxRelay relay;

    public IncidentActions(Pool pool, IncidentStore incidents, PolicyStore policies, ChangeStore changes,
            OutboxRelay relay) {
        this.pool = pool;
        this.incidents = incidents;
        this.policies = policies;
        this.changes = changes;
        this.relay = relay;
    }

    /** The changes made; a refused action fails with {@link dev.vigil.triage.TransitionRefused}. */
    public Uni<Changes> act(TenantScope scope, UUID id, OperatorAction action, String actor) {
        return pool.withTransaction(connection -> incidents.findForUpdate(connection, scope, List.of(id))
                        .map(found -> found.stream().findFirst()
                                .orElseThrow(() -> ProblemException.notFound("No incident " + id)))
                        .chain(incident -> policies.current(connection, Set.of(incident.tenant()))
                                .map(byTenant -> byTenant.getOrDefault(incident.tenant(), TenantPolicy.DEFAULT))
                                .map(policy -> IncidentLife.act(incident, action, actor, policy, UUID.randomUUID(),
                                        Instant.now())))
                        .call(result -> changes.write(connection, result)))
                .invoke(() -> relay.wake());
    }

    /** The incident as the action left it. */
    static Incident after(Changes result) {
        return result.incidents().get(0);
    }
}
