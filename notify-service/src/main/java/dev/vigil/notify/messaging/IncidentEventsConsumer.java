package dev.vigil.notify.messaging;

import dev.vigil.contracts.Channels;
import dev.vigil.contracts.IncidentEvent;
import dev.vigil.notify.NewDelivery;
import dev.vigil.notify.dispatch.Dispatcher;
import dev.vigil.notify.message.MessageWriter;
import dev.vigil.notify.message.TemplateOverrides;
import dev.vigil.platform.messaging.BatchProcessor;
import dev.vigil.platform.messaging.EventHandler;
import dev.vigil.platform.messaging.Subscription;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Turns incident events into deliveries, a batch at a time: a delivery per fresh event someone hears of and
 * enabled endpoint of its tenant read by that audience ({@link NewDelivery#plan}), written in the endpoint's
 * format from the tenant's templates or Vigil's, created in the transaction that
 * claims the events in the inbox ({@link BatchProcessor}), so a redelivered event creates nothing twice.
 */
@ApplicationScoped
public class IncidentEventsConsumer implements EventHandler<IncidentEvent> {
    private final BatchProcessor processor;
    private final DeliveryPlanner planner;
    private final MessageWriter writer;
    private final Dispatcher dispatcher;

    public IncidentEventsConsumer(BatchProcessor processor, DeliveryPlanner planner, MessageWriter writer,
            Dispatcher dispatcher) {
        this.processor = processor;
        this.planner = planner;
        this.writer = writer;
        this.dispatcher = dispatcher;
    }

    @Incoming(Channels.INCIDENTS_IN)
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        return processor.process(records, this);
    }

    @Override
    public Subscription<IncidentEvent> subscription() {
        return Subscription.INCIDENTS;
    }

    @Override
    public Uni<Void> apply(SqlConnection connection, Map<UUID, IncidentEvent> fresh) {
        Set<String> tenants = fresh.values().stream().map(IncidentEvent::tenant).collect(Collectors.toSet());
        return planner.insert(connection, tenants, (byTenant, overrides) -> NewDelivery.plan(fresh, byTenant,
                (notice, event, format) -> writer.incident(notice, event, format,
                        overrides.getOrDefault(event.tenant(), TemplateOverrides.NONE))));
    }

    @Override
    public void committed(Collection<IncidentEvent> applied) {
        dispatcher.wake();
    }
}
