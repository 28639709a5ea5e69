package dev.vigil.devstack;

import dev.vigil.contracts.Topics;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates Vigil's topics with explicit partition counts (keys spread fingerprints and incidents over them). */
final class KafkaTopics {
    private static final Map<String, Integer> PARTITIONS = Map.of(
            Topics.PROBE_RESULTS, 4, Topics.ALERTS, 4, Topics.INCIDENTS, 4, Topics.RUNBOOK, 4,
            Topics.NOTIFICATIONS, 4, Topics.DLQ_INGEST, 1, Topics.DLQ_TRIAGE, 1, Topics.DLQ_NOTIFY, 1,
            Topics.DLQ_RUNBOOK, 1);

    private KafkaTopics() {
    }

    static void ensure(String bootstrapServers) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(props)) {
            List<NewTopic> topics = PARTITIONS.entrySet().stream()
                    .map(e -> new NewTopic(e.getKey(), e.getValue(), (short) 1)).toList();
            admin.createTopics(topics).values().values().forEach(future -> {
                try {
                    future.get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("could not create topic", e.getCause());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            });
        }
    }
}
