package dev.vigil.runbook.messaging;

import dev.vigil.contracts.Channels;
import dev.vigil.contracts.IncidentEvent;
import dev.vigil.platform.messaging.BatchRetry;
import dev.vigil.platform.messaging.DeadLetters;
import dev.vigil.platform.messaging.EventBatch;
import dev.vigil.platform.outbox.OutboxRelay;
import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads incident events in batches. Records that cannot be applied (no usable {@code ce_id}, not an incident
 * event) are parked on the DLQ; the rest are applied together by {@link ExecutionOpener}.
 */
@ApplicationScoped
@IfBuildProperty(name = "vigil.pipeline.enabled", stringValue = "true")
public class IncidentEventsConsumer {
    private final ExecutionOpener opener;
    private final DeadLetters deadLetters;
    private final OutboxRelay relay;

    public IncidentEventsConsumer(ExecutionOpener opener, DeadLetters deadLetters, OutboxRelay relay) {
        this.opener = opener;
        this.deadLetters = deadLetters;
        this.relay = relay;
    }

    @Incoming(Channels.INCIDENTS_IN)
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        EventBatch<IncidentEvent> batch = EventBatch.decode(records, IncidentEvent.class, IncidentEvent::missingField);
        List<AnnouncedIncident> incidents = batch.events().entrySet().stream()
                .map(e -> new AnnouncedIncident(e.getKey(), e.getValue())).toList();
        // parked after the batch committed: if it never does, the failure strategy dead-letters every
        // record of the batch, and parking first would put the rejected ones on the DLQ twice
        return BatchRetry.onTransientFailure(opener.apply(incidents))
                .invoke(opened -> {
                    if (!opened.isEmpty()) {
                        relay.wake();
                    }
                })
                .chain(() -> deadLetters.parkAll(batch.poison()));
    }
}
