package dev.vigil.devstack;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * One service's dead-letter topic ({@code vigil.dlq.<service>}): lists the records parked there and re-drives
 * chosen ones to the topic they came from. That a record was re-driven is itself recorded on the topic, as a
 * small marker record naming its offset, so the topic alone is the whole history and no consumer group or
 * database is needed; consumers never read dead-letter topics, so markers reach nobody else.
 */
final class DeadLetterTopic {
    /** On a marker record: the offset (same partition) of the parked record that was re-driven. */
    static final String REDRIVEN_OFFSET = "dead-letter-redriven-offset";
    /** On a marker record: where the re-driven copy landed, {@code topic-partition@offset}. */
    static final String REDRIVEN_TO = "dead-letter-redriven-to";
    /** On a re-driven copy: the parked record it copies, {@code vigil.dlq.<service>@<position>}. */
    static final String REDRIVEN_FROM = "vigil-redriven-from";
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    private final String bootstrapServers;
    private final String topic;

    DeadLetterTopic(String bootstrapServers, String topic) {
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
    }

    String topic() {
        return topic;
    }

    /** Every parked record, oldest first per partition, each telling whether it was re-driven; markers folded in. */
    List<ParkedRecord> list() {
        List<ConsumerRecord<byte[], byte[]>> records = readAll();
        Set<ParkedRecord.Position> redriven = new HashSet<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            String offset = ParkedRecord.header(record, REDRIVEN_OFFSET);
            if (offset != null) {
                redriven.add(new ParkedRecord.Position(record.partition(), Long.parseLong(offset)));
            }
        }
        List<ParkedRecord> parked = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            if (ParkedRecord.header(record, REDRIVEN_OFFSET) == null) {
                ParkedRecord.Position position = new ParkedRecord.Position(record.partition(), record.offset());
                parked.add(ParkedRecord.of(record, redriven.contains(position)));
            }
        }
        return parked;
    }

    /** Re-drives every parked record not re-driven yet; returns them. */
    List<ParkedRecord> redriveAll() {
        List<ParkedRecord> pending = list().stream().filter(p -> !p.redriven()).toList();
        redrive(pending);
        return pending;
    }

    /**
     * Publishes each record to its original topic with its original key, value and headers (the CloudEvent id
     * stays, so a consumer's inbox applies it at most once) minus the dead-letter ones, plus
     * {@value #REDRIVEN_FROM}; then appends a marker per record. A crash between the two sends a record again
     * on the next re-drive, which the inbox absorbs: re-driving is at least once, applying stays once.
     */
    void redrive(List<ParkedRecord> chosen) {
        if (chosen.isEmpty()) {
            return;
        }
        // every copy is built before anything is sent, so a record that cannot be re-driven stops them all
        List<ProducerRecord<byte[], byte[]>> copies = chosen.stream().map(this::copyForOriginalTopic).toList();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerConfig())) {
            List<Future<RecordMetadata>> sent = copies.stream().map(producer::send).toList();
            List<Future<RecordMetadata>> markers = new ArrayList<>();
            for (int i = 0; i < chosen.size(); i++) {
                RecordMetadata landed = await(sent.get(i), chosen.get(i));
                markers.add(producer.send(marker(chosen.get(i), landed)));
            }
            for (int i = 0; i < chosen.size(); i++) {
                await(markers.get(i), chosen.get(i));
            }
        }
    }

    private ProducerRecord<byte[], byte[]> copyForOriginalTopic(ParkedRecord parked) {
        if (parked.originalTopic() == null) {
            throw new StackException(topic + "@" + parked.position() + " has no " + ParkedRecord.TOPIC
                    + " header: nothing says where to re-drive it");
        }
        RecordHeaders headers = new RecordHeaders();
        for (Header header : parked.record().headers()) {
            if (!header.key().startsWith(ParkedRecord.DEAD_LETTER_PREFIX)) {
                headers.add(header);
            }
        }
        headers.add(REDRIVEN_FROM, bytes(topic + "@" + parked.position()));
        // no explicit partition: the key picks it, as it does for the topic's own producers, so the copy
        // lands where that key's other records are even if the topic has grown since
        return new ProducerRecord<>(parked.originalTopic(), null, null, parked.record().key(), parked.record().value(),
                headers);
    }

    private ProducerRecord<byte[], byte[]> marker(ParkedRecord parked, RecordMetadata landed) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(REDRIVEN_OFFSET, bytes(Long.toString(parked.position().offset())));
        headers.add(REDRIVEN_TO, bytes(landed.topic() + "-" + landed.partition() + "@" + landed.offset()));
        return new ProducerRecord<>(topic, parked.position().partition(), null, null, new byte[0], headers);
    }

    private RecordMetadata await(Future<RecordMetadata> send, ParkedRecord parked) {
        try {
            return send.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while re-driving " + topic + "@" + parked.position());
        } catch (ExecutionException e) {
            throw new StackException("could not re-drive " + topic + "@" + parked.position() + ": "
                    + e.getCause().getMessage());
        }
    }

    /** Reads the topic from the beginning to its current end, without a consumer group. */
    private List<ConsumerRecord<byte[], byte[]>> readAll() {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, READ_TIMEOUT).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            if (partitions.isEmpty()) {
                return records;
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, READ_TIMEOUT);
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new StackException("could not read " + topic + " to its end within "
                            + READ_TIMEOUT.toSeconds() + " s");
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        records.sort((a, b) -> a.partition() != b.partition() ? Integer.compare(a.partition(), b.partition())
                : Long.compare(a.offset(), b.offset()));
        return records;
    }

    private Properties consumerConfig() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // listing a service that never parked anything must not create its topic
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        return props;
    }

    private Properties producerConfig() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "60000");
        return props;
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
