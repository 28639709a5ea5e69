package dev.vigil.devstack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.contracts.Topics;
import dev.vigil.testsupport.EmbeddedKafka;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Listing and re-driving parked records against a real broker. */
class DeadLetterTopicTest {
    private static EmbeddedKafka broker;
    private static Path home;

    @BeforeAll
    static void startBroker() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target"), "dlq-test-");
        home = dir.resolve("vigil");
        broker = EmbeddedKafka.start(dir.resolve("kafka"), 0, Map.of());
        KafkaTopics.ensure(broker.bootstrapServers());
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void aParkedRecordIsListedRedrivenOnceWithItsOriginalKeyValueAndHeadersAndThenShownAsRedriven() {
        produce(Topics.DLQ_TRIAGE, "demo-shop/fp-1", "{\"not\":\"an alert\"}", Map.of(
                "ce_id", "evt-42", "ce_tenant", "demo-shop", "ce_type", "vigil.alert.received",
                "dead-letter-reason", "the value is not a valid Alert", "dead-letter-topic", Topics.ALERTS,
                "dead-letter-partition", "2", "dead-letter-offset", "17", "dead-letter-cause", "boom"));
        DeadLetterTopic dlq = new DeadLetterTopic(broker.bootstrapServers(), Topics.DLQ_TRIAGE);

        List<ParkedRecord> parked = dlq.list();
        assertEquals(1, parked.size());
        ParkedRecord record = parked.get(0);
        assertEquals(new ParkedRecord.Position(0, 0), record.position());
        assertEquals(Topics.ALERTS + "-2@17", record.origin());
        assertEquals("demo-shop", record.tenant());
        assertEquals("evt-42", record.eventId());
        assertEquals("the value is not a valid Alert", record.reason());
        assertFalse(record.redriven());

        assertEquals(1, dlq.redriveAll().size());

        // the key picks the partition, as for any producer of the topic
        List<ConsumerRecord<String, String>> arrived = readFrom(Topics.ALERTS, "demo-shop/fp-1");
        assertEquals(1, arrived.size());
        ConsumerRecord<String, String> copy = arrived.get(0);
        assertEquals("demo-shop/fp-1", copy.key());
        assertEquals("{\"not\":\"an alert\"}", copy.value());
        assertEquals("evt-42", header(copy, "ce_id"), "the event id stays, so the inbox applies it at most once");
        assertEquals("demo-shop", header(copy, "ce_tenant"));
        assertEquals("vigil.alert.received", header(copy, "ce_type"));
        assertEquals("vigil.dlq.triage@0", header(copy, DeadLetterTopic.REDRIVEN_FROM));
        for (Header h : copy.headers()) {
            assertFalse(h.key().startsWith("dead-letter-"), "dead-letter header kept: " + h.key());
        }

        List<ParkedRecord> after = dlq.list();
        assertEquals(1, after.size(), "the marker is folded in, not listed");
        assertTrue(after.get(0).redriven());
        assertArrayEquals(record.record().value(), after.get(0).record().value());

        assertTrue(dlq.redriveAll().isEmpty());
        assertEquals(1, readFrom(Topics.ALERTS, "demo-shop/fp-1").size(), "a second redrive sent it again");
    }

    @Test
    void anEmptyOrMissingTopicListsNothing() {
        assertTrue(new DeadLetterTopic(broker.bootstrapServers(), Topics.DLQ_RUNBOOK).list().isEmpty());
        assertTrue(new DeadLetterTopic(broker.bootstrapServers(), "vigil.dlq.nobody").list().isEmpty());
        assertTrue(new DeadLetterTopic(broker.bootstrapServers(), "vigil.dlq.nobody").redriveAll().isEmpty());
    }

    @Test
    void theCommandRedrivesChosenOffsetsAndListsThem() {
        produce(Topics.DLQ_NOTIFY, "t/inc-1", "{}", Map.of("ce_id", "evt-a", "ce_tenant", "t",
                "dead-letter-reason", "r", "dead-letter-topic", Topics.INCIDENTS, "dead-letter-partition", "0",
                "dead-letter-offset", "1"));
        produce(Topics.DLQ_NOTIFY, "t/inc-2", "{}", Map.of("ce_id", "evt-b", "ce_tenant", "t",
                "dead-letter-reason", "r", "dead-letter-topic", Topics.INCIDENTS, "dead-letter-partition", "1",
                "dead-letter-offset", "2"));
        Function<PrintStream, Stack> stackOnThisBroker = out -> new Stack(StackLayout.fromEnvironment(home, Map.of(
                "VIGIL_KAFKA_PORT", broker.bootstrapServers().substring(broker.bootstrapServers().lastIndexOf(':') + 1))),
                out);

        VigilRun redrive = VigilRun.of(stackOnThisBroker, "dlq", "redrive", "--service", "notify", "--offset", "1");
        VigilRun list = VigilRun.of(stackOnThisBroker, "dlq", "list", "--service", "notify");

        assertEquals(0, redrive.status(), redrive.err());
        assertTrue(redrive.out().contains("re-drove vigil.dlq.notify@1 to vigil.incidents (event evt-b)"), redrive.out());
        assertEquals(0, list.status(), list.err());
        assertTrue(list.out().contains("vigil.dlq.notify: 2 parked, 1 of them re-driven"), list.out());
        List<ParkedRecord> parked = new DeadLetterTopic(broker.bootstrapServers(), Topics.DLQ_NOTIFY).list();
        assertFalse(parked.get(0).redriven());
        assertTrue(parked.get(1).redriven());
    }

    private static void produce(String topic, String key, String value, Map<String, String> headers) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
            headers.forEach((name, v) -> record.headers().add(name, v.getBytes(StandardCharsets.UTF_8)));
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Records with {@code key} on any partition of {@code topic}, read to the end of each partition. */
    private static List<ConsumerRecord<String, String>> readFrom(String topic, String key) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProps())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (key.equals(r.key())) {
                        found.add(r);
                    }
                });
            }
        }
        return found;
    }

    private static Properties consumerProps() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return props;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
