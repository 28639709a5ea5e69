package dev.vigil.ingest.messaging;

import dev.vigil.contracts.Alert;
import dev.vigil.contracts.Channels;
import dev.vigil.ingest.AlertIds;
import dev.vigil.ingest.IngestKeyCache;
import dev.vigil.ingest.config.IngestConfig;
import dev.vigil.platform.messaging.ConsumerHealth;
import dev.vigil.platform.messaging.DeadLetters;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The Kafka input: probe agents write native alerts to {@code vigil.probe-results} with the tenant's ingest key in
 * a header, and ingest forwards them to {@code vigil.alerts} as the HTTP input does. A batch is acknowledged only
 * once the broker took every alert of it and every refused record sits on {@code vigil.dlq.ingest} with its
 * reason, so nothing is dropped silently and one bad record never holds its partition.
 * <ul>
 * <li>Event ids derive from the record's coordinates and each alert's position and content
 * ({@link AlertIds#ofRecord}): a batch consumed again after a crash publishes the same events, counted once.</li>
 * <li>While the broker does not acknowledge, the batch is retried with capped backoff for as long as it takes and
 * the service reports itself not ready ({@link ConsumerHealth}); the connector pauses the partitions meanwhile.</li>
 * <li>The per-tenant rate of the HTTP inputs does not apply: a consumer takes records at its own pace, so a burst
 * waits on the topic rather than being refused.</li>
 * </ul>
 */
@ApplicationScoped
public class ProbeResultsConsumer {
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final IngestKeyCache keys;
    private final AlertPublisher publisher;
    private final DeadLetters deadLetters;
    private final ConsumerHealth health;
    private final IngestConfig config;

    public ProbeResultsConsumer(IngestKeyCache keys, AlertPublisher publisher, DeadLetters deadLetters,
            ConsumerHealth health, IngestConfig config) {
        this.keys = keys;
        this.publisher = publisher;
        this.deadLetters = deadLetters;
        this.health = health;
        this.config = config;
    }

    @Incoming(Channels.PROBE_RESULTS_IN)
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        List<ConsumerRecord<String, String>> batch = new ArrayList<>(records.count());
        records.forEach(batch::add);
        if (batch.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Instant receivedAt = Instant.now();
        // keys are checked concurrently: unknown ones share one reload of the key cache
        List<Uni<Admission>> admissions = batch.stream().map(record -> admit(record, receivedAt)).toList();
        return Uni.join().all(admissions).andFailFast().chain(admitted -> {
            List<Alert> alerts = admitted.stream().flatMap(a -> a.alerts().stream()).toList();
            List<Admission> refused = admitted.stream().filter(a -> a.refusal() != null).toList();
            // refused records are parked after the rest is published: a crash in between repeats both, and both
            // land again (the alerts with their same ids)
            return publishUntilAcknowledged(alerts).chain(() -> park(refused));
        });
    }

    private Uni<Admission> admit(ConsumerRecord<String, String> record, Instant receivedAt) {
        ProbeResultRecord read = ProbeResultRecord.read(record, config.maxAlertsPerRequest());
        if (read instanceof ProbeResultRecord.Refused refused) {
            return Uni.createFrom().item(Admission.refused(record, refused));
        }
        ProbeResultRecord.Readable readable = (ProbeResultRecord.Readable) read;
        return untilAnswered(() -> keys.tenantFor(readable.ingestKey()), 1).map(tenant -> tenant
                .map(owner -> Admission.accepted(record, AlertIds.ofRecord(owner, ProbeResultRecord.coordinates(record))
                        .alerts(owner, readable.results(), receivedAt)))
                .orElseGet(() -> Admission.refused(record, new ProbeResultRecord.Refused("unauthorized",
                        "the ingest key in the header is not a live key (unknown or revoked)"))));
    }

    private Uni<Void> publishUntilAcknowledged(List<Alert> alerts) {
        if (alerts.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return untilAnswered(() -> publisher.publish(alerts), alerts.size()).replaceWithVoid();
    }

    /** Repeats {@code attempt} until it succeeds: every failure here is the broker's or the database's, not the record's. */
    private <T> Uni<T> untilAnswered(Supplier<Uni<? extends T>> attempt, int records) {
        return Uni.createFrom().deferred(attempt)
                .onFailure().invoke(failure -> health.retrying(Channels.PROBE_RESULTS_IN, records, failure))
                .onFailure().retry().withBackOff(FIRST_BACKOFF, MAX_BACKOFF).atMost(Long.MAX_VALUE)
                .invoke(() -> health.applied(Channels.PROBE_RESULTS_IN));
    }

    private Uni<Void> park(List<Admission> refused) {
        return Multi.createFrom().iterable(refused)
                .onItem().transformToUniAndConcatenate(a -> deadLetters.park(a.record(), a.refusal().cause(),
                        a.refusal().reason()))
                .collect().last().replaceWithVoid();
    }

    /** What became of one record: its alerts, or why it was refused. */
    private record Admission(ConsumerRecord<String, String> record, List<Alert> alerts,
            ProbeResultRecord.Refused refusal) {
        static Admission accepted(ConsumerRecord<String, String> record, List<Alert> alerts) {
            return new Admission(record, alerts, null);
        }

        static Admission refused(ConsumerRecord<String, String> record, ProbeResultRecord.Refused refusal) {
            return new Admission(record, List.of(), refusal);
        }
    }
}
