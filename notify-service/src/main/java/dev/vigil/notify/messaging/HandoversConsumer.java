package dev.vigil.notify.messaging;

import dev.vigil.contracts.Audience;
import dev.vigil.contracts.Channels;
import dev.vigil.contracts.HandoverOverdueEvent;
import dev.vigil.notify.NewDelivery;
import dev.vigil.notify.HandoverNotice;
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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Tells the tenant's supervisors' endpoints of shift handover items about the tenant that nobody took over in time,
 * once per handover and endpoint.
 */
@ApplicationScoped
public class HandoversConsumer implements EventHandler<HandoverOverdueEvent> {
    private final BatchProcessor processor;
    private final DeliveryPlanner planner;
    private final MessageWriter writer;
    private final Dispatcher dispatcher;

    public HandoversConsumer(BatchProcessor processor, DeliveryPlanner planner, MessageWriter writer,
            Dispatcher dispatcher) {
        this.processor = processor;
        this.planner = planner;
        this.writer = writer;
        this.dispatcher = dispatcher;
    }

    @Incoming(Channels.HANDOVERS_IN)
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        return processor.process(records, this);
    }

    @Override
    public Subscription<HandoverOverdueEvent> subscription() {
        return Subscription.HANDOVERS;
    }

    @Override
    public Uni<Void> apply(SqlConnection connection, Map<UUID, HandoverOverdueEvent> fresh) {
        Set<String> tenants = fresh.values().stream().map(HandoverOverdueEvent::tenant).collect(Collectors.toSet());
        return planner.insert(connection, tenants, (byTenant, overrides) -> fresh.entrySet().stream()
                .flatMap(entry -> {
                    HandoverOverdueEvent event = entry.getValue();
                    TemplateOverrides own = overrides.getOrDefault(event.tenant(), TemplateOverrides.NONE);
                    return NewDelivery.fanOut(entry.getKey(), event.tenant(), null, Audience.SUPERVISORS,
                            HandoverNotice.OVERDUE, null, byTenant.getOrDefault(event.tenant(), List.of()),
                            format -> writer.handoverOverdue(event, format, own)).stream();
                }).toList());
    }

    @Override
    public void committed(Collection<HandoverOverdueEvent> applied) {
        dispatcher.wake();
    }
}
