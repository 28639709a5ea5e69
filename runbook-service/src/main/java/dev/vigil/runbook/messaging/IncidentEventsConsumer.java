package dev.vigil.runbook.messaging;

import dev.vigil.contracts.Channels;
import dev.vigil.contracts.IncidentEvent;
import dev.vigil.platform.messaging.DeadLetters;
import dev.vigil.platform.messaging.EventBatch;
import dev.vigil.platform.outbox.OutboxRelay;
import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
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
    // a few quick retries ride out a dropped connection or a failover; past them the channel's
    // dead-letter-queue strategy parks the batch rather than stalling its partitions
    private static final int APPLY_RETRIES = 4;
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(2);

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
        return opener.apply(incidents)
                .onFailure().retry().withBackOff(FIRST_BACKOFF, MAX_BACKOFF).atMost(APPLY_RETRIES)
                .invoke(opened -> {
                    if (!opened.isEmpty()) {
                        relay.wake();
                    }
                })
                .chain(() -> deadLetters.parkAll(batch.poison()));
    }
}
