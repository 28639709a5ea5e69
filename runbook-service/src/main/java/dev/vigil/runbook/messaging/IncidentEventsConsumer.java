package dev.vigil.runbook.messaging;

import dev.vigil.contracts.Channels;
import dev.vigil.contracts.IncidentEvent;
import dev.vigil.platform.messaging.BatchProcessor;
import dev.vigil.platform.messaging.EventHandler;
import dev.vigil.platform.messaging.Subscription;
import dev.vigil.platform.outbox.OutboxRelay;
import dev.vigil.runbook.store.IncidentTimesStore;
import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads incident events in batches ({@link BatchProcessor}); {@link ExecutionOpener} opens the runbook executions
 * that confirmed incidents call for, and the incidents' times are kept for the recovery metrics, in the transaction
 * that claims the events in the inbox.
 */
@ApplicationScoped
@IfBuildProperty(name = "vigil.pipeline.enabled", stringValue = "true")
public class IncidentEventsConsumer implements EventHandler<IncidentEvent> {
    private final BatchProcessor processor;
    private final ExecutionOpener opener;
    private final IncidentTimesStore times;
    private final OutboxRelay relay;

    public IncidentEventsConsumer(BatchProcessor processor, ExecutionOpener opener, IncidentTimesStore times,
            OutboxRelay relay) {
        this.processor = processor;
        this.opener = opener;
        this.times = times;
        this.relay = relay;
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
        return opener.open(connection, fresh).chain(() -> times.record(connection, fresh.values()));
    }

    @Override
    public void committed(Collection<IncidentEvent> applied) {
        relay.wake();
    }
}
