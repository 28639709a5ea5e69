package dev.vigil.runbook.messaging;

import dev.vigil.contracts.EventIds;
import dev.vigil.contracts.EventTypes;
import dev.vigil.contracts.HandoverOverdueEvent;
import dev.vigil.contracts.Json;
import dev.vigil.contracts.Keys;
import dev.vigil.contracts.Topics;
import dev.vigil.platform.outbox.Outbox;
import dev.vigil.platform.outbox.OutboxEntry;
import dev.vigil.platform.outbox.OutboxRelay;
import dev.vigil.platform.schedule.PeriodicJobs;
import dev.vigil.runbook.config.HandoverConfig;
import dev.vigil.runbook.handover.Handover;
import dev.vigil.runbook.store.HandoverStore;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tells a tenant's supervisors of handover items nobody of the incoming shift acknowledged in time: one event per
 * handover and tenant on {@code vigil.runbook}, written in the transaction that marks the items escalated, so each
 * item escalates once, also across replicas and restarts.
 */
@ApplicationScoped
public class HandoverSweeper {
    static final String JOB = "handover-escalations";
    private static final int HANDOVERS_PER_ROUND = 50;

    private final Pool pool;
    private final HandoverStore handovers;
    private final Outbox outbox;
    private final OutboxRelay relay;
    private final HandoverConfig config;
    private final PeriodicJobs jobs;

    public HandoverSweeper(Pool pool, HandoverStore handovers, Outbox outbox, OutboxRelay relay,
            HandoverConfig config, PeriodicJobs jobs) {
        this.pool = pool;
        this.handovers = handovers;
        this.outbox = outbox;
        this.relay = relay;
        this.config = config;
        this.jobs = jobs;
    }

    void schedule(@Observes StartupEvent event) {
        jobs.every(JOB, config.sweepInterval(), "escalating overdue handover items",
                () -> sweep(Instant.now()));
    }

    /** Escalates every item overdue by {@code now}; the number of events written. */
    public Uni<Integer> sweep(Instant now) {
        // PostgreSQL keeps microseconds: the claimed items are told apart by this exact time
        Instant at = now.truncatedTo(ChronoUnit.MICROS);
        return pool.withTransaction(connection -> handovers.claimOverdue(connection, at, HANDOVERS_PER_ROUND)
                        .chain(overdue -> {
                            List<OutboxEntry> events = events(overdue);
                            return outbox.append(connection, events).replaceWith(events.size());
                        }))
                .chain(written -> {
                    if (written == 0) {
                        return Uni.createFrom().item(0);
                    }
                    relay.wake();
                    return sweep(now).map(more -> written + more);
                });
    }

    private static List<OutboxEntry> events(List<HandoverStore.Overdue> overdue) {
        Map<String, List<HandoverStore.Overdue>> byHandoverAndTenant = new LinkedHashMap<>();
        overdue.forEach(o -> byHandoverAndTenant.computeIfAbsent(o.handover().id() + "/" + o.item().tenant(),
                key -> new ArrayList<>()).add(o));
        List<OutboxEntry> entries = new ArrayList<>();
        byHandoverAndTenant.values().forEach(items -> {
            Handover handover = items.get(0).handover();
            String tenant = items.get(0).item().tenant();
            HandoverOverdueEvent event = new HandoverOverdueEvent(
                    EventIds.derived(handover.id(), EventTypes.RUNBOOK_HANDOVER_OVERDUE, tenant), tenant,
                    handover.id(), handover.shift(), handover.nextShift(), handover.writtenBy(), handover.writtenAt(),
                    handover.acknowledgeBy(), items.stream().map(o -> new HandoverOverdueEvent.Item(o.item().number(),
                            o.item().kind().wireName(), o.item().title(), o.item().detail())).toList());
            entries.add(new OutboxEntry(event.eventId(), Topics.RUNBOOK, Keys.handover(tenant, handover.id()),
                    EventTypes.RUNBOOK_HANDOVER_OVERDUE, tenant, Json.write(event)));
        });
        return entries;
    }
}
