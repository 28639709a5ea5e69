package dev.vigil.triage.messaging;

import dev.vigil.contracts.Audience;
import dev.vigil.contracts.Channels;
import dev.vigil.contracts.NotificationOutcome;
import dev.vigil.platform.messaging.BatchProcessor;
import dev.vigil.platform.messaging.EventHandler;
import dev.vigil.platform.messaging.Subscription;
import dev.vigil.triage.TimelineEntry;
import dev.vigil.triage.TimelineKind;
import dev.vigil.triage.store.IncidentStore;
import dev.vigil.triage.store.TimelineStore;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Records what reached the customer: every delivery to a customer endpoint, or its final failure, is a timeline
 * line, and the first delivery is the incident's first customer contact (a recovery metric). Messages to the MSP's
 * own channels are not the customer's and are left out.
 */
@ApplicationScoped
public class NotificationOutcomesConsumer implements EventHandler<NotificationOutcome> {
    private static final String NOTIFY = "notify";

    private final BatchProcessor processor;
    private final IncidentStore incidents;
    private final TimelineStore timeline;

    public NotificationOutcomesConsumer(BatchProcessor processor, IncidentStore incidents, TimelineStore timeline) {
        this.processor = processor;
        this.incidents = incidents;
        this.timeline = timeline;
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
        List<NotificationOutcome> toCustomer = fresh.values().stream()
                .filter(outcome -> outcome.audience() == Audience.CUSTOMER).toList();
        return incidents.recordFirstContacts(connection, toCustomer.stream()
                        .filter(outcome -> outcome.result() == NotificationOutcome.Result.DELIVERED).toList())
                .chain(() -> timeline.append(connection, toCustomer.stream()
                        .map(NotificationOutcomesConsumer::entry).toList()));
    }

    @Override
    public void committed(Collection<NotificationOutcome> applied) {
        // nothing to publish
    }

    private static TimelineEntry entry(NotificationOutcome outcome) {
        boolean delivered = outcome.result() == NotificationOutcome.Result.DELIVERED;
        String note = (delivered ? "delivered to endpoint " : "could not be delivered to endpoint ")
                + outcome.endpointId() + " after " + outcome.attempts() + " attempt(s), last answer "
                + (outcome.statusCode() == 0 ? "none" : "HTTP " + outcome.statusCode());
        return new TimelineEntry(outcome.eventId(), outcome.tenant(), outcome.incidentId(), outcome.occurredAt(),
                NOTIFY, delivered ? TimelineKind.CUSTOMER_CONTACTED : TimelineKind.CUSTOMER_CONTACT_FAILED, null, null,
                note);
    }
}
