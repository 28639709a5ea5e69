package dev.vigil.triage;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import dev.vigil.contracts.Alert;
import dev.vigil.contracts.AlertStatus;
import dev.vigil.contracts.CloudEventHeaders;
import dev.vigil.contracts.Json;
import dev.vigil.contracts.Keys;
import dev.vigil.contracts.Severity;
import dev.vigil.contracts.Topics;
import dev.vigil.testsupport.TestInfra;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Steps the decision-gate tests share: a tenant's policy, an incident to decide, events on the topics. */
final class GateTestSupport {
    static final Duration WAIT = Duration.ofSeconds(30);

    private GateTestSupport() {
    }

    static String operator(String tenant, String name) {
        return TestInfra.token("operator", tenant, claims -> claims.setClaim("upn", name));
    }

    static String supervisor(String tenant) {
        return TestInfra.token("supervisor", tenant, claims -> claims.setClaim("upn", "sally-supervisor"));
    }

    static void putPolicy(String tenant, String json) {
        given().auth().oauth2(supervisor(tenant)).contentType("application/json").body(json)
                .put("/v1/policies/" + tenant).then().statusCode(200);
    }

    /** Publishes a firing alert and waits for its incident; its id. */
    static String openIncident(String tenant, String fingerprint, Severity severity) {
        TestAlerts.publish(alert(tenant, fingerprint, AlertStatus.FIRING, severity));
        return await().atMost(WAIT).until(() -> incidentOf(tenant, fingerprint), id -> id != null);
    }

    static Alert alert(String tenant, String fingerprint, AlertStatus status, Severity severity) {
        Instant now = Instant.now();
        return new Alert(UUID.randomUUID(), tenant, fingerprint, "nagios", fingerprint, "http", severity, status,
                "HTTP 503 from " + fingerprint, Map.of("env", "prod"), Map.of(), now, now);
    }

    static String incidentOf(String tenant, String fingerprint) {
        List<Map<String, Object>> items = given().auth().oauth2(TestInfra.token("operator", tenant))
                .get("/v1/incidents").then().statusCode(200).extract().jsonPath().getList("items");
        return items.stream().filter(i -> fingerprint.equals(i.get("fingerprint"))).map(i -> (String) i.get("id"))
                .findFirst().orElse(null);
    }

    static JsonPath incident(String tenant, String id) {
        return given().auth().oauth2(TestInfra.token("operator", tenant)).get("/v1/incidents/" + id)
                .then().statusCode(200).extract().jsonPath();
    }

    static List<String> timelineKinds(String tenant, String id) {
        List<String> kinds = new ArrayList<>(given().auth().oauth2(TestInfra.token("operator", tenant))
                .get("/v1/incidents/" + id + "/timeline").then().statusCode(200).extract().jsonPath()
                .getList("items.kind", String.class));
        Collections.reverse(kinds); // the API answers newest first
        return kinds;
    }

    /** The CloudEvents types published for one incident so far, in order, once {@code type} is among them. */
    static List<String> eventTypes(String incidentId, String type) {
        List<ConsumerRecord<String, String>> records = TestInfra.consume(Topics.INCIDENTS, WAIT,
                seen -> seen.stream().anyMatch(r -> r.value().contains(incidentId)
                        && type.equals(TestInfra.header(r, CloudEventHeaders.TYPE))));
        return records.stream().filter(r -> r.value().contains(incidentId))
                .map(r -> TestInfra.header(r, CloudEventHeaders.TYPE)).toList();
    }

    /** Publishes an event on {@code topic} as its producer would: keyed by incident, with CloudEvents headers. */
    static void publish(String topic, String tenant, UUID incidentId, UUID eventId, String type, Object event) {
        TestInfra.produce(topic, Keys.incident(tenant, incidentId), Json.write(event), Map.of(
                CloudEventHeaders.SPEC_VERSION, "1.0", CloudEventHeaders.ID, eventId.toString(),
                CloudEventHeaders.TYPE, type, CloudEventHeaders.TENANT, tenant));
    }
}
