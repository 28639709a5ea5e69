package dev.vigil.ingest.heartbeat;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.vigil.contracts.Alert;
import dev.vigil.contracts.AlertStatus;
import dev.vigil.contracts.Json;
import dev.vigil.contracts.Topics;
import dev.vigil.testsupport.TestInfra;
import dev.vigil.testsupport.fuzz.TopicLength;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;

/** What heartbeat tests do over HTTP and read from the broker. */
final class Heartbeats {
    private Heartbeats() {
    }

    static Response ping(String key, String name, String query) {
        return given().auth().oauth2(key).post("/v1/heartbeats/" + name + query);
    }

    static String state(String tenant, String name) {
        return given().auth().oauth2(TestInfra.adminToken()).get("/v1/heartbeats/" + tenant + "/" + name).then()
                .statusCode(200).extract().path("state");
    }

    /**
     * Every alert of {@code tenant} on vigil.alerts as of now: the topic is read up to the end offsets it has at the
     * call, so an alert published before it is never missed and "exactly one" means exactly one.
     */
    static List<Alert> allPublished(String tenant) {
        long end;
        try (TopicLength length = new TopicLength(Topics.ALERTS)) {
            end = length.now();
        }
        return TestInfra.consume(Topics.ALERTS, Duration.ofSeconds(60), records -> records.size() >= end).stream()
                .map(record -> read(record.value())).filter(alert -> alert.tenant().equals(tenant)).toList();
    }

    static List<Alert> of(List<Alert> alerts, String name, AlertStatus status) {
        return alerts.stream().filter(a -> a.resource().equals(name) && a.status() == status).toList();
    }

    private static Alert read(String value) {
        try {
            return Json.read(value, Alert.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("not an alert on vigil.alerts", e);
        }
    }
}
