package dev.vigil.runbook.messaging;

import dev.vigil.contracts.Audience;
import dev.vigil.contracts.Channels;
import dev.vigil.contracts.NotificationOutcome;
import dev.vigil.platform.messaging.BatchProcessor;
import dev.vigil.platform.messaging.EventHandler;
import dev.vigil.platform.messaging.Subscription;
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
 * Reads notify's delivery outcomes: the first delivery to a customer endpoint is the incident's first customer
 * contact, a recovery metric. Messages to the MSP's own channels, and failed deliveries, are not contact.
 */
@ApplicationScoped
@IfBuildProperty(name = "vigil.pipeline.enabled", stringValue = "true")
public class NotificationOutcomesConsumer implements EventHandler<NotificationOutcome> {
    private final BatchProcessor processor;
    private final IncidentTimesStore times;

    public NotificationOutcomesConsumer(BatchProcessor processor, IncidentTimesStore times) {
        this.processor = processor;
        this.times = times;
    }

    @Incoming(Channels.NOTIFICATIONS_IN)
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        return processor.process(records, this);
    }

    @Override
    public Subscription<NotificationOutcome> subscription() {
        return Subscription.NOTIFICATION_OUTCOMES;
    }

    @Override
    public Uni<Void> apply(SqlConnection connection, Map<UUID, NotificationOutcome> fresh) {
        return times.recordContacts(connection, fresh.values().stream()
                .filter(outcome -> outcome.audience() == Audience.CUSTOMER)
                .filter(outcome -> outcome.result() == NotificationOutcome.Result.DELIVERED)
                .toList());
    }

    @Override
    public void committed(Collection<NotificationOutcome> applied) {
        // nothing to publish
    }
}
