package dev.vigil.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jose4j.jwt.JwtClaims;

/**
 * What a test needs from the infrastructure {@link VigilTestResources} started: tokens, and raw Kafka access
 * to produce records (including poison ones) and read what a service published. Shared through system
 * properties because Quarkus loads test resources and test classes in different class loaders.
 */
public final class TestInfra {
    static final String JWT_DIR_PROPERTY = "vigil.test.jwt-dir";
    static final String KAFKA_PROPERTY = "vigil.test.kafka";

    private TestInfra() {
    }

    public static String token(String role, String tenant) {
        return tokens().token(role, tenant);
    }

    /** A staff token for several tenants, or for every tenant with {@code List.of("*")}. */
    public static String staffToken(String role, List<String> tenants) {
        return tokens().staffToken(role, tenants);
    }

    /** A platform admin's token: every tenant. */
    public static String adminToken() {
        return tokens().adminToken();
    }

    /** A token signed with the services' key whose claims {@code change} altered first. */
    public static String token(String role, String tenant, Consumer<JwtClaims> change) {
        JwtClaims claims = DevTokens.claims(role, tenant, role + "@test", Duration.ofHours(1));
        change.accept(claims);
        return tokens().sign(claims);
    }

    /** A well-formed token signed with a key the services do not trust. */
    public static String foreignToken(String role, String tenant) {
        try {
            return DevTokens.in(Files.createTempDirectory("vigil-foreign-jwt-")).token(role, tenant);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static DevTokens tokens() {
        return DevTokens.in(Path.of(System.getProperty(JWT_DIR_PROPERTY)));
    }

    public static String bootstrapServers() {
        return System.getProperty(KAFKA_PROPERTY);
    }

    /** Sends one record and waits for the broker's acknowledgement. */
    public static void produce(String topic, String key, String value, Map<String, String> headers) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
            headers.forEach((name, v) -> record.headers().add(new RecordHeader(name, v.getBytes())));
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not produce to " + topic, e);
        }
    }

    /** Sends records with one producer and waits until the broker acknowledged all of them. */
    public static void produceAll(List<ProducerRecord<String, String>> records) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            List<Future<?>> sent = new ArrayList<>();
            records.forEach(record -> sent.add(producer.send(record)));
            for (Future<?> ack : sent) {
                ack.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not produce " + records.size() + " records", e);
        }
    }

    /** Reads {@code topic} from the beginning until {@code enough} holds or {@code timeout} passes. */
    public static List<ConsumerRecord<String, String>> consume(String topic, Duration timeout,
            Predicate<List<ConsumerRecord<String, String>>> enough) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + System.nanoTime());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> seen = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(topic));
            while (System.nanoTime() < deadline && !enough.test(seen)) {
                consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
            }
        }
        return seen;
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value());
    }
}
