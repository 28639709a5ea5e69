package dev.vigil.runbook;

import static io.restassured.RestAssured.given;

import dev.vigil.contracts.CloudEventHeaders;
import dev.vigil.contracts.IncidentChange;
import dev.vigil.contracts.IncidentEvent;
import dev.vigil.contracts.Json;
import dev.vigil.contracts.Keys;
import dev.vigil.contracts.Severity;
import dev.vigil.contracts.Topics;
import dev.vigil.platform.security.Roles;
import dev.vigil.testsupport.TestInfra;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the service's tests share: tokens, a runbook on demand, and incident events put on the topic. */
public final class Fixtures {
    public static final Map<String, Object> CHECK_DISK_STEP =
            Map.of("title", "Check free disk space", "instructions", "df -h on the host", "critical", false);
    public static final Map<String, Object> RESTART_STEP =
            Map.of("title", "Restart the web server", "critical", true);

    private Fixtures() {
    }

    /** A tenant no other test uses, so tests sharing the database and topics never see each other's data. */
    public static String newTenant() {
        return "t-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static RequestSpecification as(String role, String tenant) {
        return given().auth().oauth2(TestInfra.token(role, tenant)).contentType(ContentType.JSON);
    }

    public static RequestSpecification supervisor(String tenant) {
        return as(Roles.SUPERVISOR, tenant);
    }

    public static RequestSpecification operator(String tenant) {
        return as(Roles.OPERATOR, tenant);
    }

    /** Creates a two-step runbook (the second step critical) and returns its id. */
    public static UUID createRunbook(String tenant, String name, Map<String, String> match) {
        String id = supervisor(tenant)
                .body(Map.of("name", name, "match", match, "steps", List.of(CHECK_DISK_STEP, RESTART_STEP)))
                .post("/v1/runbooks")
                .then().statusCode(201)
                .extract().path("id");
        return UUID.fromString(id);
    }

    public static IncidentEvent incident(IncidentChange change, String tenant, String check, Map<String, String> labels) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return new IncidentEvent(UUID.randomUUID(), change, tenant, UUID.randomUUID(), "fp-" + UUID.randomUUID(),
                "prometheus", "web-1", check, Severity.CRITICAL, "web-1 is not answering", labels, 1, now, now, null);
    }

    public static IncidentEvent opened(String tenant, String check, Map<String, String> labels) {
        return incident(IncidentChange.OPENED, tenant, check, labels);
    }

    /** Publishes the event the way triage does: binary CloudEvents, keyed by its incident. */
    public static void publish(IncidentEvent event) {
        publish(event, Keys.incident(event.tenant(), event.incidentId()));
    }

    /**
     * Publishes under an explicit key. Records sharing a key share a partition and are applied in order, which
     * lets a test wait for a later record instead of sleeping to prove an earlier one changed nothing.
     */
    public static void publish(IncidentEvent event, String key) {
        TestInfra.produce(Topics.INCIDENTS, key, Json.write(event), Map.of(
                CloudEventHeaders.ID, event.eventId().toString(),
                CloudEventHeaders.TYPE, event.eventType(),
                CloudEventHeaders.SOURCE, "urn:vigil:triage",
                CloudEventHeaders.TENANT, event.tenant(),
                "ce_specversion", "1.0"));
    }

    /** The tenant's executions for one incident, as an operator sees them. */
    public static List<Map<String, Object>> executionsOf(String tenant, UUID incidentId) {
        return operator(tenant).queryParam("incidentId", incidentId.toString())
                .get("/v1/executions")
                .then().statusCode(200)
                .extract().jsonPath().getList("items");
    }
}
