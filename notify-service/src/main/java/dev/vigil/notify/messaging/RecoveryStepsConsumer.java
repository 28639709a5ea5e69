package dev.vigil.notify.messaging;

import dev.vigil.contracts.Audience;
import dev.vigil.contracts.Channels;
import dev.vigil.contracts.RecoveryStepEvent;
import dev.vigil.notify.NewDelivery;
import dev.vigil.notify.RecoveryStepNotice;
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
 * Tells each customer endpoint that wants to hear of progress that a step of the recovery procedure they follow is
 * done, in its language and format, once per step and endpoint.
 */
@ApplicationScoped
public class RecoveryStepsConsumer implements EventHandler<RecoveryStepEvent> {
    private final BatchProcessor processor;
    private final DeliveryPlanner planner;
    private final MessageWriter writer;
    private final Dispatcher dispatcher;

    public RecoveryStepsConsumer(BatchProcessor processor, DeliveryPlanner planner, MessageWriter writer,
            Dispatcher dispatcher) {
        this.processor = processor;
        this.planner = planner;
        this.writer = writer;
        this.dispatcher = dispatcher;
    }

    @Incoming(Channels.RECOVERY_STEPS_IN)
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        return processor.process(records, this);
    }

    @Override
    public Subscription<RecoveryStepEvent> subscription() {
        return Subscription.RECOVERY_STEPS;
    }

    @Override
    public Uni<Void> apply(SqlConnection connection, Map<UUID, RecoveryStepEvent> fresh) {
        Set<String> tenants = fresh.values().stream().map(RecoveryStepEvent::tenant).collect(Collectors.toSet());
        return planner.insert(connection, tenants, (byTenant, overrides) -> fresh.entrySet().stream()
                .flatMap(entry -> {
                    RecoveryStepEvent event = entry.getValue();
                    TemplateOverrides own = overrides.getOrDefault(event.tenant(), TemplateOverrides.NONE);
                    return NewDelivery.fanOut(entry.getKey(), event.tenant(), event.incidentId(), Audience.CUSTOMER,
                            RecoveryStepNotice.TYPE, event.severity(), byTenant.getOrDefault(event.tenant(), List.of()),
                            format -> writer.recoveryStep(event, format, own)).stream();
                }).toList());
    }

    @Override
    public void committed(Collection<RecoveryStepEvent> applied) {
        dispatcher.wake();
    }
}
