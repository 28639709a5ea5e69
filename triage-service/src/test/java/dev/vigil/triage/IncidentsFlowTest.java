package dev.vigil.triage;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.contracts.Alert;
import dev.vigil.contracts.AlertStatus;
import dev.vigil.contracts.CloudEventHeaders;
import dev.vigil.contracts.EventTypes;
import dev.vigil.contracts.Json;
import dev.vigil.contracts.Topics;
import dev.vigil.testsupport.TestInfra;
import dev.vigil.testsupport.VigilTestResources;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = VigilTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class IncidentsFlowTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void repeatedAlertsBecomeOneIncidentWithACountAndRecoveryResolvesIt() {
        String tenant = TestAlerts.newTenant();
        String fingerprint = "fp-" + UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            TestAlerts.publish(TestAlerts.alert(tenant, fingerprint, AlertStatus.FIRING));
        }

        String id = await().atMost(WAIT).until(() -> openIncident(tenant, 3), found -> found != null);

        TestAlerts.publish(TestAlerts.alert(tenant, fingerprint, AlertStatus.RESOLVED));
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(TestInfra.token("operator", tenant))
                .get("/v1/incidents/" + id).then().statusCode(200)
                .body("status", equalTo("resolved")).body("occurrences", equalTo(3)));

        List<ConsumerRecord<String, String>> events = TestInfra.consume(Topics.INCIDENTS, WAIT,
                seen -> seen.stream().filter(r -> r.value().contains(id))
                        .anyMatch(r -> EventTypes.INCIDENT_RESOLVED.equals(TestInfra.header(r, CloudEventHeaders.TYPE))));
        List<String> types = events.stream().filter(r -> r.value().contains(id))
                .map(r -> TestInfra.header(r, CloudEventHeaders.TYPE)).toList();
        assertEquals(EventTypes.INCIDENT_OPENED, types.get(0));
        assertEquals(EventTypes.INCIDENT_RESOLVED, types.get(types.size() - 1));
        assertEquals(1, types.stream().filter(EventTypes.INCIDENT_OPENED::equals).count());
        ConsumerRecord<String, String> opened = events.stream().filter(r -> r.value().contains(id)).findFirst().orElseThrow();
        assertEquals(tenant + "/" + id, opened.key());
        assertEquals(tenant, TestInfra.header(opened, CloudEventHeaders.TENANT));
    }

    @Test
    void aRedeliveredAlertDoesNotCountTwice() {
        String tenant = TestAlerts.newTenant();
        String fingerprint = "fp-" + UUID.randomUUID();
        Alert alert = TestAlerts.alert(tenant, fingerprint, AlertStatus.FIRING);
        TestAlerts.publish(alert);
        await().atMost(WAIT).until(() -> openIncident(tenant, 1), found -> found != null);
        // the copy comes in a later batch, once the first was committed: only the inbox can drop it
        TestAlerts.publish(alert);
        // same key, so the same partition: once the recovery is applied, the redelivery was too
        TestAlerts.publish(TestAlerts.alert(tenant, fingerprint, AlertStatus.RESOLVED));

        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(TestInfra.token("operator", tenant))
                .get("/v1/incidents").then().statusCode(200).body("items", hasSize(1))
                .body("items[0].status", equalTo("resolved")).body("items[0].occurrences", equalTo(1)));
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicAndTheNextAlertIsStillApplied() {
        String tenant = TestAlerts.newTenant();
        TestInfra.produce(Topics.ALERTS, tenant + "/poison", "{not json", Map.of(CloudEventHeaders.TENANT, tenant,
                CloudEventHeaders.ID, UUID.randomUUID().toString(), CloudEventHeaders.SPEC_VERSION, "1.0",
                CloudEventHeaders.TYPE, EventTypes.ALERT));
        // a CloudEvent of a type triage does not know, or of another CloudEvents version, is parked, not guessed at
        TestInfra.produce(Topics.ALERTS, tenant + "/poison", Json.write(TestAlerts.alert(tenant, "fp-x",
                AlertStatus.FIRING)), Map.of(CloudEventHeaders.TENANT, tenant, CloudEventHeaders.ID,
                UUID.randomUUID().toString(), CloudEventHeaders.SPEC_VERSION, "1.0", CloudEventHeaders.TYPE,
                "dev.vigil.alert.v2"));
        TestInfra.produce(Topics.ALERTS, tenant + "/poison", Json.write(TestAlerts.alert(tenant, "fp-y",
                AlertStatus.FIRING)), Map.of(CloudEventHeaders.TENANT, tenant, CloudEventHeaders.ID,
                UUID.randomUUID().toString(), CloudEventHeaders.SPEC_VERSION, "0.3",
                CloudEventHeaders.TYPE, EventTypes.ALERT));
        Alert good = TestAlerts.alert(tenant, "fp-" + UUID.randomUUID(), AlertStatus.FIRING);
        TestAlerts.publish(good);

        await().atMost(WAIT).until(() -> openIncident(tenant, 1), found -> found != null);
        List<ConsumerRecord<String, String>> dead = TestInfra.consume(Topics.DLQ_TRIAGE, WAIT,
                seen -> seen.stream().filter(r -> (tenant + "/poison").equals(r.key())).count() >= 3);
        List<ConsumerRecord<String, String>> ours = dead.stream().filter(r -> (tenant + "/poison").equals(r.key()))
                .toList();
        assertEquals(3, ours.size(), "all three are parked");
        assertTrue(TestInfra.header(ours.get(1), "dead-letter-reason").contains("dev.vigil.alert.v2"));
        assertTrue(TestInfra.header(ours.get(2), "dead-letter-reason").contains("ce_specversion is 0.3"));
        ConsumerRecord<String, String> parked = ours.get(0);
        assertEquals("{not json", parked.value());
        assertTrue(TestInfra.header(parked, "dead-letter-reason").startsWith("the value is not a valid Alert"));
        assertEquals(Topics.ALERTS, TestInfra.header(parked, "dead-letter-topic"));
    }

    @Test
    void aTenantSeesNeitherTheListNorTheIncidentOfAnother() {
        String owner = TestAlerts.newTenant();
        String other = TestAlerts.newTenant();
        TestAlerts.publish(TestAlerts.alert(owner, "fp-" + UUID.randomUUID(), AlertStatus.FIRING));
        String id = await().atMost(WAIT).until(() -> openIncident(owner, 1), found -> found != null);

        given().auth().oauth2(TestInfra.token("operator", other)).get("/v1/incidents")
                .then().statusCode(200).body("items", hasSize(0));
        given().auth().oauth2(TestInfra.token("operator", other)).get("/v1/incidents/" + id)
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("urn:vigil:problem:not-found"));
    }

    @Test
    void requestsWithoutAValidTokenOrRoleAreRefusedWithProblemDetails() {
        given().get("/v1/incidents").then().statusCode(401).contentType("application/problem+json")
                .body("status", equalTo(401));
        given().auth().oauth2("not-a-jwt").get("/v1/incidents").then().statusCode(401)
                .contentType("application/problem+json");
        given().auth().oauth2(TestInfra.token("customer", "acme")).get("/v1/incidents").then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(TestInfra.token("operator", null)).get("/v1/incidents").then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void badQueryAndPathParametersNameTheParameter() {
        String token = TestInfra.token("operator", "acme");
        given().auth().oauth2(token).get("/v1/incidents?status=sleeping").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("status"));
        given().auth().oauth2(token).get("/v1/incidents?limit=lots").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("limit"));
        given().auth().oauth2(token).get("/v1/incidents?limit=0").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("limit"));
        given().auth().oauth2(token).get("/v1/incidents/not-a-uuid").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("id"));
        given().auth().oauth2(token).urlEncodingEnabled(false).get("/v1/incidents/%00abc").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("id"));
    }

    private static String openIncident(String tenant, int occurrences) {
        List<Map<String, Object>> open = given().auth().oauth2(TestInfra.token("operator", tenant))
                .get("/v1/incidents?status=open").then().statusCode(200).extract().jsonPath().getList("items");
        return open.stream().filter(i -> ((Number) i.get("occurrences")).intValue() == occurrences)
                .map(i -> (String) i.get("id")).findFirst().orElse(null);
    }
}
