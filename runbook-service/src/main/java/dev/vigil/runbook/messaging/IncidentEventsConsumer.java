package dev.vigil.runbook.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.vigil.contracts.Channels;
import dev.vigil.contracts.IncidentEvent;
import dev.vigil.contracts.Json;
import dev.vigil.platform.messaging.DeadLetters;
import dev.vigil.platform.messaging.IncomingEvent;
import dev.vigil.platform.outbox.OutboxRelay;
import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
        // keyed by event id: a batch holding the same event twice applies it once
        Map<UUID, AnnouncedIncident> incidents = new LinkedHashMap<>();
        List<Rejected> rejected = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            Optional<UUID> id = IncomingEvent.id(record);
            if (id.isEmpty()) {
                rejected.add(new Rejected(record, "missing or malformed ce_id header"));
                continue;
            }
            try {
                incidents.putIfAbsent(id.get(), new AnnouncedIncident(id.get(), read(record)));
            } catch (UnreadableRecord e) {
                rejected.add(new Rejected(record, e.getMessage()));
            }
        }
        // parked only after the batch committed: if it never does, the failure strategy dead-letters every
        // record of the batch, and parking first would put the rejected ones on the DLQ twice
        return opener.apply(List.copyOf(incidents.values()))
                .onFailure().retry().withBackOff(FIRST_BACKOFF, MAX_BACKOFF).atMost(APPLY_RETRIES)
                .invoke(opened -> {
                    if (!opened.isEmpty()) {
                        relay.wake();
                    }
                })
                .chain(() -> park(rejected));
    }

    private Uni<Void> park(List<Rejected> rejected) {
        return Multi.createFrom().iterable(rejected)
                .onItem().transformToUniAndConcatenate(r -> deadLetters.park(r.record(), r.reason()))
                .collect().last()
                .replaceWithVoid();
    }

    private static IncidentEvent read(ConsumerRecord<String, String> record) throws UnreadableRecord {
        if (record.value() == null) {
            throw new UnreadableRecord("record has no value");
        }
        IncidentEvent event;
        try {
            event = Json.read(record.value(), IncidentEvent.class);
        } catch (JsonProcessingException e) {
            throw new UnreadableRecord("not an incident event: " + e.getOriginalMessage());
        }
        if (event == null || event.tenant() == null || event.tenant().isBlank() || event.incidentId() == null
                || event.change() == null) {
            throw new UnreadableRecord("incident event lacks its tenant, incidentId or change");
        }
        return event;
    }

    private record Rejected(ConsumerRecord<String, String> record, String reason) {
    }

    private static final class UnreadableRecord extends Exception {
        UnreadableRecord(String reason) {
            super(reason, null, false, false);
        }
    }
}
