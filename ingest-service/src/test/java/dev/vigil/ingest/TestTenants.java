package dev.vigil.ingest;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.vigil.contracts.Alert;
import dev.vigil.contracts.Json;
import dev.vigil.contracts.Topics;
import dev.vigil.testsupport.TestInfra;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** A registered tenant with an ingest key, and the alerts ingest published for it. */
public record TestTenants(String tenant, String key) {

    public static TestTenants register() {
        String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(TestInfra.adminToken()).contentType(ContentType.JSON)
                .body(Map.of("id", tenant, "name", "Tenant " + tenant)).post("/v1/tenants").then().statusCode(201);
        String key = given().auth().oauth2(TestInfra.adminToken()).contentType(ContentType.JSON).body("{}")
                .post("/v1/tenants/" + tenant + "/ingest-keys").then().statusCode(201).extract().path("key");
        return new TestTenants(tenant, key);
    }

    /** The tenant's alerts on vigil.alerts, read until {@code enough} holds or {@code timeout} passes. */
    public List<Alert> published(Duration timeout, Predicate<List<Alert>> enough) {
        return alerts(TestInfra.consume(Topics.ALERTS, timeout, records -> enough.test(alerts(records))));
    }

    private List<Alert> alerts(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(TestTenants::alert).filter(a -> a.tenant().equals(tenant)).toList();
    }

    private static Alert alert(ConsumerRecord<String, String> record) {
        try {
            return Json.read(record.value(), Alert.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("ingest published something that is not an alert", e);
        }
    }
}
