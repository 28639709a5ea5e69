package dev.vigil.runbook;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.vigil.contracts.CloudEventHeaders;
import dev.vigil.contracts.IncidentChange;
import dev.vigil.contracts.IncidentDecision;
import dev.vigil.contracts.IncidentEvent;
import dev.vigil.contracts.IncidentStatus;
import dev.vigil.contracts.Json;
import dev.vigil.contracts.Keys;
import dev.vigil.contracts.Severity;
import dev.vigil.contracts.Topics;
import dev.vigil.platform.security.Roles;
import dev.vigil.testsupport.TestInfra;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the service's tests share: tokens, a runbook on demand, incident events put on the topic, and executions
 * they open.
 */
public final class Fixtures {
    public static final Map<String, Object> CHECK_DISK_STEP =
            Map.of("title", "Check free disk space", "instructions", "df -h on the host", "critical", false);
    public static final Map<String, Object> RESTART_STEP =
            Map.of("title", "Restart the web server", "critical", true);

    private static final String PROBLEM = "application/problem+json";

    /** How long a test waits for what Kafka carries; the broker and the service answer far sooner. */
    public static final Duration DEADLINE = Duration.ofSeconds(30);

    /** The operator who confirms the fixtures' incidents in triage. */
    private static final String OPERATOR_NAME = "operator@triage";

    private Fixtures() {
    }

    /** The path of a step move: {@code /v1/executions/{id}/steps/{n}/{move}}. */
    public static String stepPath(UUID execution, int n, String move) {
        return "/v1/executions/" + execution + "/steps/" + n + "/" + move;
    }

    /** A 409 problem whose detail says {@code detail}. */
    public static void conflict(ValidatableResponse response, String detail) {
        response.statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("urn:vigil:problem:conflict"))
                .body("detail", containsString(detail));
    }

    /** A 400 validation problem naming {@code field}. */
    public static void refusedNaming(String field, ValidatableResponse response) {
        response.statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:vigil:problem:validation"))
                .body("errors.field", hasItem(field));
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

    /** An operator of the tenant known by {@code name}, so that a test can have two different people on shift. */
    public static RequestSpecification operatorNamed(String name, String tenant) {
        return given().auth().oauth2(TestInfra.token(Roles.OPERATOR, tenant, claims -> {
            claims.setSubject(name);
            claims.setClaim("upn", name);
        })).contentType(ContentType.JSON);
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

    /** An event of a new incident of a confirmed failure, as triage would send after a confirmation. */
    public static IncidentEvent incident(IncidentChange change, String tenant, String check, Map<String, String> labels) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return new IncidentEvent(UUID.randomUUID(), change, tenant, UUID.randomUUID(), IncidentStatus.CONFIRMED,
                "fp-" + UUID.randomUUID(), "prometheus", "web-1", check, Severity.CRITICAL, "web-1 is not answering",
                labels, 1, now, now, null, IncidentDecision.NONE.confirmed(OPERATOR_NAME, now, null, true),
                OPERATOR_NAME, null);
    }

    /** A new incident awaiting a decision. */
    public static IncidentEvent opened(String tenant, String check, Map<String, String> labels) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return new IncidentEvent(UUID.randomUUID(), IncidentChange.OPENED, tenant, UUID.randomUUID(),
                IncidentStatus.OPEN, "fp-" + UUID.randomUUID(), "prometheus", "web-1", check, Severity.CRITICAL,
                "web-1 is not answering", labels, 1, now, now, null, IncidentDecision.NONE.dueAt(now.plusSeconds(600)),
                "triage", null);
    }

    /** A new incident confirmed by an operator: the event that opens runbook executions. */
    public static IncidentEvent confirmed(String tenant, String check, Map<String, String> labels) {
        return incident(IncidentChange.CONFIRMED, tenant, check, labels);
    }

    /** The confirmation of {@code incident}, an event of its own. */
    public static IncidentEvent confirmationOf(IncidentEvent incident) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return new IncidentEvent(UUID.randomUUID(), IncidentChange.CONFIRMED, incident.tenant(), incident.incidentId(),
                IncidentStatus.CONFIRMED, incident.fingerprint(), incident.source(), incident.resource(),
                incident.check(), incident.severity(), incident.summary(), incident.labels(), incident.occurrences(),
                incident.openedAt(), incident.lastSeenAt(), null,
                incident.decision().confirmed(OPERATOR_NAME, now, "We are on it", true), OPERATOR_NAME, null);
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

    /** Waits until the tenant has {@code count} executions for the incident, and returns them. */
    public static List<Map<String, Object>> awaitExecutions(String tenant, UUID incidentId, int count) {
        return await().atMost(DEADLINE).until(() -> executionsOf(tenant, incidentId), found -> found.size() == count);
    }

    /**
     * Defines a runbook, confirms an incident only it matches and waits for the execution this opens.
     *
     * @return the open execution's id
     */
    public static UUID openExecution(String tenant) {
        String check = "check-" + UUID.randomUUID();
        createRunbook(tenant, "When " + check + " fails", Map.of("check", check));
        IncidentEvent incident = confirmed(tenant, check, Map.of());
        publish(incident);
        return UUID.fromString((String) awaitExecutions(tenant, incident.incidentId(), 1).get(0).get("id"));
    }

    /** The tenant's executions for one incident, as an operator sees them. */
    public static List<Map<String, Object>> executionsOf(String tenant, UUID incidentId) {
        return operator(tenant).queryParam("incidentId", incidentId.toString())
                .get("/v1/executions")
                .then().statusCode(200)
                .extract().jsonPath().getList("items");
    }
}
