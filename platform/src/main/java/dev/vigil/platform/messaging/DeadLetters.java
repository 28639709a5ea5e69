package dev.vigil.platform.messaging;

import dev.vigil.contracts.Channels;
import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

/**
 * Parks a record the service cannot apply on its DLQ topic, with the reason in headers (the same names
 * SmallRye's dead-letter-queue strategy uses), so one bad record neither blocks its partition nor vanishes.
 */
@ApplicationScoped
@IfBuildProperty(name = "vigil.pipeline.enabled", stringValue = "true")
public class DeadLetters {
    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    private final MutinyEmitter<String> emitter;

    public DeadLetters(@OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 10_000) @Channel(Channels.DEAD_LETTERS) MutinyEmitter<String> emitter) {
        this.emitter = emitter;
    }

    public Uni<Void> park(ConsumerRecord<String, String> record, String reason) {
        LOG.warnf("dead-lettering %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), reason);
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        headers.add("dead-letter-reason", bytes(reason));
        headers.add("dead-letter-topic", bytes(record.topic()));
        headers.add("dead-letter-partition", bytes(String.valueOf(record.partition())));
        headers.add("dead-letter-offset", bytes(String.valueOf(record.offset())));
        var metadata = OutgoingKafkaRecordMetadata.<String>builder().withKey(record.key()).withHeaders(headers).build();
        return emitter.sendMessage(Message.of(record.value() == null ? "" : record.value(), Metadata.of(metadata)));
    }

    /** Parks each poison record of a batch, one after the other. */
    public Uni<Void> parkAll(List<EventBatch.Poison> poison) {
        return Multi.createFrom().iterable(poison)
                .onItem().transformToUniAndConcatenate(p -> park(p.record(), p.reason()))
                .collect().last()
                .replaceWithVoid();
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
