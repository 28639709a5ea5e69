package dev.vigil.ingest.messaging;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.contracts.Alert;
import dev.vigil.contracts.Json;
import dev.vigil.contracts.ProbeResultHeaders;
import dev.vigil.contracts.Severity;
import dev.vigil.contracts.Topics;
import dev.vigil.ingest.TestTenants;
import dev.vigil.testsupport.TestInfra;
import dev.vigil.testsupport.VigilTestResources;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;

/** Probe agents writing native alerts to vigil.probe-results, through the real broker and ingest's consumer. */
@QuarkusTest
@WithTestResource(value = VigilTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ProbeResultsInputTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void recordsOfNativeAlertsArePublishedForTheKeysTenant() {
        TestTenants tenant = TestTenants.register();
        String agent = agent();
        TestInfra.produceAll(List.of(
                record(agent, tenant.key(), alert("web-01", "http", "critical")),
                record(agent, tenant.key(), "[" + alert("web-02", "http", "minor") + "," + alert("db-01", "mysql",
                        "warning") + "]")));

        List<Alert> published = tenant.published(WAIT, alerts -> alerts.size() >= 3);
        assertEquals(3, published.size());
        Alert web = published.stream().filter(a -> a.resource().equals("web-01")).findFirst().orElseThrow();
        assertEquals(Severity.CRITICAL, web.severity());
        assertEquals("agent", web.source());
        assertEquals(tenant.tenant(), web.tenant(), "the tenant comes from the key alone");
    }

    @Test
    void aBadRecordIsParkedWithItsReasonAndTheRecordsAfterItStillArrive() {
        TestTenants tenant = TestTenants.register();
        String agent = agent();
        // one agent key: every record lands in one partition, in this order
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        records.add(record(agent, tenant.key(), alert("web-01", "before", "major")));
        records.add(record(agent, tenant.key(), "{\"source\": \"agent\", \"resource\": "));
        records.add(record(agent, null, alert("web-01", "no-key", "major")));
        records.add(record(agent, "vik_not-a-key", alert("web-01", "wrong-key", "major")));
        records.add(record(agent, tenant.key(), alert("web-01", "bad-severity", "catastrophic")));
        records.add(record(agent, tenant.key(), alert("web-01", "after", "major")));
        TestInfra.produceAll(records);

        List<Alert> published = tenant.published(WAIT, alerts -> alerts.size() >= 2);
        assertEquals(Set.of("before", "after"), published.stream().map(Alert::check).collect(Collectors.toSet()));
        assertEquals(2, published.size());

        List<ConsumerRecord<String, String>> parked = TestInfra.consume(Topics.DLQ_INGEST, WAIT,
                seen -> ofAgent(seen, agent).size() >= 4);
        List<String> reasons = ofAgent(parked, agent).stream()
                .map(r -> TestInfra.header(r, "dead-letter-reason")).toList();
        assertEquals(4, reasons.size(), reasons.toString());
        assertTrue(reasons.get(0).contains("JSON"), reasons.get(0));
        assertTrue(reasons.get(1).contains(ProbeResultHeaders.INGEST_KEY), reasons.get(1));
        assertTrue(reasons.get(2).contains("not a live key"), reasons.get(2));
        assertTrue(reasons.get(3).contains("severity"), reasons.get(3));
        ofAgent(parked, agent).forEach(r -> assertEquals(Topics.PROBE_RESULTS,
                TestInfra.header(r, "dead-letter-topic")));
    }

    @Test
    void aRevokedKeyParksTheRecordsThatStillCarryIt() {
        TestTenants tenant = TestTenants.register();
        String keyId = given().auth().oauth2(TestInfra.adminToken()).get("/v1/tenants/" + tenant.tenant()
                + "/ingest-keys").then().statusCode(200).extract().path("items[0].id");
        given().auth().oauth2(TestInfra.adminToken()).delete("/v1/tenants/" + tenant.tenant() + "/ingest-keys/"
                + keyId).then().statusCode(204);
        String agent = agent();
        TestInfra.produceAll(List.of(record(agent, tenant.key(), alert("web-01", "http", "critical"))));

        List<ConsumerRecord<String, String>> parked = TestInfra.consume(Topics.DLQ_INGEST, WAIT,
                seen -> !ofAgent(seen, agent).isEmpty());
        assertEquals(1, ofAgent(parked, agent).size());
        assertTrue(tenant.published(Duration.ofSeconds(2), alerts -> false).isEmpty());
    }

    private static String agent() {
        return "agent-" + UUID.randomUUID();
    }

    private static List<ConsumerRecord<String, String>> ofAgent(List<ConsumerRecord<String, String>> records,
            String agent) {
        return records.stream().filter(r -> agent.equals(r.key())).toList();
    }

    private static ProducerRecord<String, String> record(String agent, String ingestKey, String value) {
        ProducerRecord<String, String> record = new ProducerRecord<>(Topics.PROBE_RESULTS, agent, value);
        if (ingestKey != null) {
            record.headers().add(new RecordHeader(ProbeResultHeaders.INGEST_KEY, ingestKey.getBytes()));
        }
        return record;
    }

    private static String alert(String resource, String check, String severity) {
        Map<String, Object> alert = new HashMap<>(Map.of("source", "agent", "resource", resource, "check", check,
                "severity", severity, "summary", check + " on " + resource));
        return Json.write(alert);
    }
}
