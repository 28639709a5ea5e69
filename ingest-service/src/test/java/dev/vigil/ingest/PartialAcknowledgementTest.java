package dev.vigil.ingest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.vigil.contracts.CloudEventHeaders;
import dev.vigil.contracts.Keys;
import dev.vigil.contracts.Topics;
import dev.vigil.testsupport.TestInfra;
import dev.vigil.testsupport.VigilTestResources;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;

/**
 * The broker takes some alerts of a request and refuses others, so ingest answers 503 after a partial publish.
 * The probe's retry with the same Idempotency-Key publishes every alert under the id it had the first time, so
 * consumers (whose inbox drops a known id) count each alert exactly once.
 */
@QuarkusTest
@WithTestResource(value = VigilTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class PartialAcknowledgementTest {
    private static final int PARTITIONS = 4;

    @Test
    void aRetryWithTheSameKeyAfterAPartial503RepublishesUnderTheSameIds() throws Exception {
        String tenant = "partial-" + UUID.randomUUID().toString().substring(0, 8);
        String admin = TestInfra.adminToken();
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"id\":\"" + tenant + "\",\"name\":\"Partial\"}").post("/v1/tenants").then().statusCode(201);
        String key = given().auth().oauth2(admin).contentType(ContentType.JSON).body("{}")
                .post("/v1/tenants/" + tenant + "/ingest-keys").then().statusCode(201).extract().path("key");
        // two alerts whose keys land on different partitions, so they travel in different record batches
        String small = "small-" + UUID.randomUUID();
        String large = fingerprintOnAnotherPartition(tenant, small);
        String body = "[" + alert(small, "disk full") + "," + alert(large, incompressible(3000)) + "]";
        String idempotencyKey = "retry-" + UUID.randomUUID();

        try (Admin kafka = Admin.create(adminConfig())) {
            ensureTopic(kafka);
            setMaxMessageBytes(kafka, "2048");
            try {
                given().auth().oauth2(key).header("Idempotency-Key", idempotencyKey).contentType(ContentType.JSON)
                        .body(body).post("/v1/alerts").then().statusCode(503)
                        .contentType("application/problem+json")
                        .body("type", equalTo("urn:vigil:problem:unavailable"));
            } finally {
                setMaxMessageBytes(kafka, null);
            }
        }
        List<String> ids = given().auth().oauth2(key).header("Idempotency-Key", idempotencyKey)
                .contentType(ContentType.JSON).body(body).post("/v1/alerts").then().statusCode(202)
                .extract().jsonPath().getList("alerts.eventId", String.class);

        List<ConsumerRecord<String, String>> published = TestInfra.consume(Topics.ALERTS, Duration.ofSeconds(20),
                seen -> ofTenant(seen, tenant).size() >= 3);
        Map<String, Long> copiesById = ofTenant(published, tenant).stream()
                .collect(Collectors.groupingBy(r -> TestInfra.header(r, CloudEventHeaders.ID), Collectors.counting()));
        assertEquals(Map.of(ids.get(0), 2L, ids.get(1), 1L), copiesById,
                "the alert stored by the refused request is stored again under the same id, the other once");
    }

    private static List<ConsumerRecord<String, String>> ofTenant(List<ConsumerRecord<String, String>> records,
            String tenant) {
        return records.stream().filter(r -> tenant.equals(TestInfra.header(r, CloudEventHeaders.TENANT))).toList();
    }

    private static String fingerprintOnAnotherPartition(String tenant, String other) {
        Function<String, Integer> partition = fp -> Utils.toPositive(
                Utils.murmur2(Keys.alert(tenant, fp).getBytes(StandardCharsets.UTF_8))) % PARTITIONS;
        String candidate;
        do {
            candidate = "large-" + UUID.randomUUID();
        } while (partition.apply(candidate).equals(partition.apply(other)));
        assertNotEquals(partition.apply(candidate), partition.apply(other));
        return candidate;
    }

    private static String alert(String fingerprint, String annotation) {
        return "{\"source\":\"nagios\",\"resource\":\"db-01\",\"check\":\"disk\",\"severity\":\"major\","
                + "\"fingerprint\":\"" + fingerprint + "\",\"annotations\":{\"detail\":\"" + annotation + "\"}}";
    }

    /** Random letters: lz4 cannot shrink them below the broker's limit. */
    private static String incompressible(int length) {
        Random random = new Random(7);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) ('a' + random.nextInt(26)));
        }
        return text.toString();
    }

    private static Properties adminConfig() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.bootstrapServers());
        return props;
    }

    private static void ensureTopic(Admin kafka) throws Exception {
        if (!kafka.listTopics().names().get().contains(Topics.ALERTS)) {
            kafka.createTopics(List.of(new NewTopic(Topics.ALERTS, PARTITIONS, (short) 1))).all().get();
        }
        assertEquals(PARTITIONS, kafka.describeTopics(List.of(Topics.ALERTS)).allTopicNames().get()
                .get(Topics.ALERTS).partitions().size());
    }

    /** @param bytes the limit, or null to fall back to the broker's default */
    private static void setMaxMessageBytes(Admin kafka, String bytes) throws Exception {
        ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, Topics.ALERTS);
        ConfigEntry entry = new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, bytes == null ? "" : bytes);
        AlterConfigOp op = new AlterConfigOp(entry, bytes == null ? AlterConfigOp.OpType.DELETE : AlterConfigOp.OpType.SET);
        kafka.incrementalAlterConfigs(Map.of(topic, List.of(op))).all().get();
    }
}
