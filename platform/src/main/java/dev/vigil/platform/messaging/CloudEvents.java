package dev.vigil.platform.messaging;

import dev.vigil.contracts.CloudEventHeaders;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

/** Builds outgoing Kafka messages as CloudEvents in binary mode: ce_* headers, JSON data, the tenant as extension. */
public final class CloudEvents {
    private CloudEvents() {
    }

    /**
     * @param source the emitting service, e.g. {@code ingest}
     * @param topic  the topic, or null for the channel's configured topic
     */
    public static Message<String> message(String source, UUID id, String type, String tenant, String topic,
            String key, String json) {
        OutgoingCloudEventMetadata<Object> ce = OutgoingCloudEventMetadata.builder()
                .withId(id.toString())
                .withType(type)
                .withSource(URI.create("urn:vigil:" + source))
                .withSubject(key)
                .withDataContentType("application/json")
                .withExtension(CloudEventHeaders.TENANT_EXTENSION, tenant)
                .build();
        var kafka = OutgoingKafkaRecordMetadata.<String>builder().withKey(key);
        if (topic != null) {
            kafka.withTopic(topic);
        }
        return Message.of(json, Metadata.of(ce, kafka.build()));
    }
}
