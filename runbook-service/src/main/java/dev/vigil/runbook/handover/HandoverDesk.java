package dev.vigil.runbook.handover;

import dev.vigil.platform.security.TenantScope;
import dev.vigil.runbook.config.HandoverConfig;
import dev.vigil.runbook.store.ExecutionStore;
import dev.vigil.runbook.store.HandoverStore;
import dev.vigil.runbook.store.ShiftStore;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Writes handovers from what is open now, and records who of the incoming shift takes each item over. */
@ApplicationScoped
public class HandoverDesk {
    private final ShiftStore shifts;
    private final ExecutionStore executions;
    private final HandoverStore handovers;
    private final TriageReader triage;
    private final HandoverConfig config;

    public HandoverDesk(ShiftStore shifts, ExecutionStore executions, HandoverStore handovers, TriageReader triage,
            HandoverConfig config) {
        this.shifts = shifts;
        this.executions = executions;
        this.handovers = handovers;
        this.triage = triage;
        this.config = config;
    }

    /**
     * The handover of shift {@code ending} (or of the one on duty now) to shift {@code incoming} (or to the one on
     * duty when it ends), written by {@code by} at {@code now}: every
     * open item of the tenants in {@code scope}, triage's read with {@code bearerToken}.
     */
    public Uni<Handover> write(Optional<String> ending, Optional<String> incoming, List<HandoverItems.Note> notes,
            TenantScope scope, String bearerToken, String by, Instant now) {
        return shifts.all().chain(defined -> {
            ShiftChange change = ShiftChange.at(defined, ending, incoming, now, config.lookAhead());
            return triage.read(bearerToken).chain(picture -> executions.running(scope).map(running ->
                    new Handover(UUID.randomUUID(), change.ending().name(),
                            change.next().map(next -> next.name()).orElse(null),
                            change.next().map(next -> next.members()).orElse(List.of()), by, now,
                            now.plus(config.acknowledgeWithin()),
                            HandoverItems.of(picture, running, notes, change.horizon()))));
        }).call(handovers::create);
    }

    /** {@code person} takes item {@code number} over, saying {@code note} (may be null); empty when the handover or item is not in {@code scope}. */
    public Uni<Optional<Handover>> acknowledge(TenantScope scope, UUID handoverId, int number, String person,
            boolean supervisor, String note, Instant now) {
        return handovers.acknowledge(scope, handoverId, number, now, note,
                (handover, item) -> handover.acknowledgedBy(item, person, supervisor));
    }
}
