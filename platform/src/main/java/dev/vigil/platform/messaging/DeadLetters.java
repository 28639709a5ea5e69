package dev.vigil.platform.messaging;

import dev.vigil.contracts.Channels;
import dev.vigil.contracts.CloudEventHeaders;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

/**
 * Parks a record the service cannot apply on its DLQ topic, with its original key, value and headers and the
 * reason in {@code dead-letter-*} headers (the names SmallRye's dead-letter-queue strategy uses), so one bad
 * record neither blocks its partition nor vanishes. Every parked record is logged at ERROR and counted in
 * {@code vigil_dead_letters_total} by topic and cause. A send the broker does not acknowledge is repeated until
 * it does: the batch's offsets are not committed before, so a parked record is never lost on the way.
 */
@ApplicationScoped
@IfBuildProperty(name = "vigil.consumers.enabled", stringValue = "true")
public class DeadLetters {
    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    private final MutinyEmitter<String> emitter;
    private final ConsumerHealth health;
    private final MeterRegistry metrics;

    public DeadLetters(@OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 10_000) @Channel(Channels.DEAD_LETTERS) MutinyEmitter<String> emitter,
            ConsumerHealth health, MeterRegistry metrics) {
        this.emitter = emitter;
        this.health = health;
        this.metrics = metrics;
    }

    /**
     * @param cause  a short, fixed name for the kind of problem (the metric's tag)
     * @param reason the whole explanation, for the operator reading the DLQ
     */
    public Uni<Void> park(ConsumerRecord<String, String> record, String cause, String reason) {
        String channel = Channels.DEAD_LETTERS;
        return Uni.createFrom().deferred(() -> emitter.sendMessage(deadLetter(record, reason)))
                .onFailure().invoke(failure -> health.retrying(channel, 1, failure))
                .onFailure().retry().withBackOff(FIRST_BACKOFF, MAX_BACKOFF).atMost(Long.MAX_VALUE)
                .invoke(() -> {
                    health.applied(channel);
                    metrics.counter("vigil.dead.letters", "topic", record.topic(), "cause", cause).increment();
                    LOG.errorf("parked %s-%d@%d (tenant %s, event %s) on the DLQ: %s", record.topic(),
                            record.partition(), record.offset(),
                            IncomingEvent.header(record, CloudEventHeaders.TENANT).orElse("?"),
                            IncomingEvent.header(record, CloudEventHeaders.ID).orElse("?"), reason);
                });
    }

    private static Message<String> deadLetter(ConsumerRecord<String, String> record, String reason) {
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        headers.add("dead-letter-reason", bytes(reason));
        headers.add("dead-letter-topic", bytes(record.topic()));
        headers.add("dead-letter-partition", bytes(String.valueOf(record.partition())));
        headers.add("dead-letter-offset", bytes(String.valueOf(record.offset())));
        var metadata = OutgoingKafkaRecordMetadata.<String>builder().withKey(record.key()).withHeaders(headers).build();
        return Message.of(record.value() == null ? "" : record.value(), Metadata.of(metadata));
    }

    /** Parks each poison record of a batch, one after the other. */
    public Uni<Void> parkAll(List<EventBatch.Poison> poison) {
        return Multi.createFrom().iterable(poison)
                .onItem().transformToUniAndConcatenate(p -> park(p.record(), p.cause(), p.reason()))
                .collect().last()
                .replaceWithVoid();
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
