package dev.vigil.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.contracts.CloudEventHeaders;
import dev.vigil.contracts.EventTypes;
import dev.vigil.contracts.Json;
import dev.vigil.contracts.Topics;
import dev.vigil.testsupport.DevTokens;
import dev.vigil.testsupport.EmbeddedKafka;
import dev.vigil.testsupport.EmbeddedPostgresServer;
import dev.vigil.testsupport.RealAlertmanager;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The whole stack as separate processes (PostgreSQL, Kafka, receiver, four services) on free ports, driven
 * the way a user drives it: the demo's stories (a confirmed failure and a blip the pending period holds), a repeat
 * while the incident is undecided, the demo run twice, escalation at a decision deadline across a triage crash and
 * with two triage replicas, crashes of triage and of PostgreSQL's server with {@code up} repairing them, a policy that
 * confirms without a person, a parked record re-driven, two triage replicas opening one incident per group, and an
 * alert's pending period counted across a restart of triage.
 * <p>
 * A tenant without rules of its own raises an alert only once it has fired for 5 minutes (the default pending
 * period, docs/adr/0011-cutting-the-noise.md). The tenants of the scenarios that are not about noise are registered
 * with rules that raise every alert at once ({@link #register}); the demo's tenant has the demo's rules.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StackIT {
    private static final Duration WAIT = Duration.ofSeconds(60);
    /** Two triage processes, each with two consumers of vigil.alerts (ADR 0013), over its four partitions. */
    private static final long TRIAGE_CONSUMERS = 4;
    /**
     * An incident nobody confirmed ends 2 minutes ({@code vigil.triage.rules.lateness}) after its last alert
     * resolved, by the wall clock when no later alert of its tenant shows the time has passed; with the deadline
     * sweep and a loaded machine, 4 minutes.
     */
    private static final Duration UNDECIDED_RESOLVE_WAIT = Duration.ofMinutes(4);
    private static final String RAISE_AT_ONCE = "{\"thresholds\": []}";
    private static final List<String> GROUP_CHECKS = List.of("cpu", "disk", "http", "memory", "tls");
    private static final List<String> CONFIRMED_STORY = List.of("incident.awaiting-decision", "incident.confirmed",
            "incident.progress", "incident.resolved");
    private static final List<String> UNDECIDED = List.of("incident.awaiting-decision");
    private static Stack stack;
    private static final Api API = new Api();
    /** The second triage process's HTTP port, once a test started it; 0 before. */
    private static int triageReplicaPort;

    @BeforeAll
    static void startStack() {
        stack = TestStacks.startOnFreePorts("stack-it-");
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.status();
            stack.down();
        }
    }

    @Test
    @Order(0)
    void theStacksPostgresKeepsWhatItAcknowledgedThroughACrash() {
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.existing(
                "postgresql://postgres:postgres@127.0.0.1:" + stack.layout().pgPort());
        assertEquals("on", postgres.setting("fsync"));
        assertEquals("on", postgres.setting("synchronous_commit"));
    }

    @Test
    @Order(1)
    void theDemoTellsTheWholeStory() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Demo.Outcome outcome = new Demo(stack, new PrintStream(printed, true, StandardCharsets.UTF_8)).run();
        String story = printed.toString(StandardCharsets.UTF_8);
        System.out.println(story);

        assertEquals(3, outcome.occurrences());
        assertTrue(story.contains("opened, occurrences 3"), story);
        assertTrue(story.contains("the customer has heard nothing yet: 0 webhooks"), story);
        assertTrue(story.contains("operator aiko: POST /v1/incidents/" + outcome.incidentId() + "/confirm -> confirmed"),
                story);
        assertTrue(story.contains("webhook incident.confirmed delivered to the customer, signature verified"), story);
        assertTrue(story.contains(Demo.CUSTOMER_NOTE), "the operator's words reach the customer: " + story);
        assertTrue(story.contains("execution of \"Restore the web shop\" opened with 3 steps"), story);
        assertTrue(story.contains("is recovering: its alert is resolved, the runbook is still open"), story);
        // the handover read the live incident from triage and the waiting verification from runbook
        assertTrue(story.contains("operator aiko (night shift): POST /v1/handovers -> 4 items for the morning shift"),
                story);
        assertTrue(story.contains("1. [incident] shop-web-01"), story);
        assertTrue(story.contains("2. [verification] Runbook 'Restore the web shop' for shop-web-01: step 2"), story);
        assertTrue(story.contains("operator kenji (morning shift): acknowledged item 2"), story);
        assertTrue(story.contains("resolved after 3 occurrences"), story);
        assertTrue(story.contains("webhook incident.resolved delivered, signature verified"), story);
        assertTrue(story.contains("triage: alert " + outcome.blipFingerprint() + " held (threshold \"pending-period\")"),
                story);
        assertTrue(story.contains("incidents for the blip: none"), story);
        // a confirmed incident: exactly one customer message of each kind and one execution
        assertStaysTheSame(() -> webhookTypes(outcome.incidentId()), CONFIRMED_STORY);
        assertEquals(1, API.list(url(Service.RUNBOOK, "/v1/executions?incidentId=" + outcome.incidentId()),
                stack.tokens().token("operator", Demo.TENANT)).size());
        // the blip: held by the pending period while it fired, never an incident, and its alert state says why
        String operator = stack.tokens().token("operator", Demo.TENANT);
        List<JsonNode> blip = API.list(url(Service.TRIAGE, "/v1/alert-states?fingerprint=" + outcome.blipFingerprint()),
                operator);
        assertEquals(1, blip.size(), blip.toString());
        assertEquals("threshold", blip.get(0).path("reason").asText(), blip.toString());
        assertEquals("resolved", blip.get(0).path("status").asText(), blip.toString());
        assertFalse(blip.get(0).hasNonNull("incidentId"), blip.toString());
        assertTrue(API.list(url(Service.TRIAGE, "/v1/incidents"), operator).stream()
                .noneMatch(i -> outcome.blipFingerprint().equals(i.path("fingerprint").asText())));
        List<String> timeline = API.list(url(Service.TRIAGE, "/v1/incidents/" + outcome.incidentId() + "/timeline"),
                stack.tokens().token("operator", Demo.TENANT)).stream().map(l -> l.path("kind").asText()).toList();
        assertTrue(timeline.containsAll(List.of("opened", "confirmed", "execution-opened", "customer-contacted",
                "recovering", "execution-completed", "resolved")), timeline.toString());

        // four eyes across the processes: the colleague verified both critical steps, and that finished the run
        List<String> walked = API.list(url(Service.RUNBOOK, "/v1/executions/" + outcome.executionId()
                + "/timeline"), operator).stream()
                .map(e -> e.path("actor").asText() + " " + e.path("action").asText() + " " + e.path("step").asText())
                .toList();
        assertEquals(List.of("runbook opened ", "aiko step-started 1", "aiko step-done 1", "aiko step-started 2",
                "aiko verification-requested 2", "kenji step-verified 2", "aiko step-started 3",
                "aiko verification-requested 3", "kenji step-verified 3", "kenji completed "), walked);
    }

    @Test
    @Order(2)
    void aRepeatWhileUndecidedCountsAndAnUnconfirmedIncidentNeverReachesTheCustomer() {
        Demo demo = new Demo(stack, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        String key = demo.ingestKey();
        // the shop's second web server: shop-web-01's HTTP check failed and recovered in the demo a moment ago, and
        // failing again so soon it would flap (its incident then waits out the flap window), another story
        String firing = secondShopFront("firing");
        // the demo's rules raise a shop front's HTTP check after 3 failures within 5 minutes
        String fingerprint = postOne(key, firing);
        postOne(key, firing);
        postOne(key, firing);
        JsonNode incident = await(() -> openIncident(Demo.TENANT, fingerprint), i -> i != null);
        assertEquals(3, incident.path("occurrences").asLong(), "the three failures that raised it");
        String incidentId = incident.path("id").asText();
        await(() -> webhookTypes(incidentId), types -> types.contains("incident.awaiting-decision"));

        // a probe retrying a request it got no answer to, with the same Idempotency-Key, counts once
        for (int attempt = 0; attempt < 2; attempt++) {
            assertEquals(202, API.post(url(Service.INGEST, "/v1/alerts"), key, firing,
                    Map.of("Idempotency-Key", "retry-" + incidentId)).status());
        }
        await(() -> openIncident(Demo.TENANT, fingerprint), i -> i != null && i.path("occurrences").asLong() == 4);
        postOne(key, firing);
        postOne(key, secondShopFront("resolved"));
        // the final count, read once the recovery (which comes after every firing alert) is applied; nobody
        // confirmed the incident, so it ends only after the lateness
        JsonNode resolved = await(() -> API.get(url(Service.TRIAGE, "/v1/incidents/" + incidentId),
                stack.tokens().token("operator", Demo.TENANT)).body(), i -> "resolved".equals(i.path("status").asText()),
                UNDECIDED_RESOLVE_WAIT);
        assertEquals(5, resolved.path("occurrences").asLong(), "the retried request counts once");

        assertStaysTheSame(() -> webhookTypes(incidentId), UNDECIDED);
        assertEquals(0, API.list(url(Service.NOTIFY, "/v1/deliveries?incidentId=" + incidentId),
                stack.tokens().token("customer", Demo.TENANT)).size(), "nobody confirmed it: the customer heard nothing");
        List<JsonNode> deliveries = API.list(url(Service.NOTIFY, "/v1/deliveries?incidentId=" + incidentId),
                stack.tokens().token("supervisor", Demo.TENANT));
        assertEquals(1, deliveries.size(), "one question to the operators, however many repeats: " + deliveries);
    }

    @Test
    @Order(3)
    void runningTheDemoAgainDuplicatesNeitherTenantNorEndpointNorWebhooks() {
        Demo demo = new Demo(stack, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        Demo.Outcome first = demo.run();
        Demo.Outcome second = demo.run();

        assertNotEquals(first.incidentId(), second.incidentId(), "a recurrence after recovery is a new incident");
        assertEquals(CONFIRMED_STORY, webhookTypes(first.incidentId()));
        assertEquals(CONFIRMED_STORY, webhookTypes(second.incidentId()));
        List<JsonNode> tenants = API.list(url(Service.INGEST, "/v1/tenants"), stack.tokens().adminToken());
        assertEquals(1, tenants.stream().filter(t -> Demo.TENANT.equals(t.path("id").asText())).count());
        List<JsonNode> endpoints = API.list(url(Service.NOTIFY, "/v1/endpoints"),
                stack.tokens().token("customer", Demo.TENANT));
        assertEquals(2, endpoints.size(), "the webhook and the email endpoint: " + endpoints);
        List<JsonNode> runbooks = API.list(url(Service.RUNBOOK, "/v1/runbooks"),
                stack.tokens().token("supervisor", Demo.TENANT));
        assertEquals(1, runbooks.size(), runbooks.toString());
    }

    @Test
    @Order(4)
    void aTriageCrashMidStreamLosesNoAlertCountsNoneTwiceAndMissesNoDeadline() {
        String tenant = "stack-crash";
        String key = register(tenant, "{}", "operators");
        // an undecided incident whose decision deadline falls while triage is down
        String escalating = escalatingIncident("stack-escalation-1", "db-restart");
        String probe = "{\"source\":\"crash-test\",\"resource\":\"db-01\",\"check\":\"replication\","
                + "\"severity\":\"major\",\"summary\":\"Replica lag above 60 s\"}";
        String batch = "[" + String.join(",", java.util.Collections.nCopies(50, probe)) + "]";
        String fingerprint = null;
        for (int request = 0; request < 20; request++) {
            if (request == 5) {
                stack.kill(Service.TRIAGE);
            }
            Api.Reply reply = API.post(url(Service.INGEST, "/v1/alerts"), key, batch);
            assertEquals(202, reply.status(), reply.body().toString());
            fingerprint = reply.body().path("alerts").path(0).path("fingerprint").asText();
        }
        stack.up();

        String fp = fingerprint;
        JsonNode incident = await(() -> openIncident(tenant, fp),
                i -> i != null && i.path("occurrences").asLong() >= 1000);
        assertEquals(1000, incident.path("occurrences").asLong());
        String incidentId = incident.path("id").asText();
        await(() -> webhookTypes(incidentId), types -> types.contains("incident.awaiting-decision"));
        assertEquals(UNDECIDED, webhookTypes(incidentId));
        assertStaysTheSame(() -> webhookTypes(escalating), List.of("incident.escalated"));
    }

    @Test
    @Order(5)
    void twoTriageReplicasShareTheWorkAndGiveTheSameResult() {
        startSecondTriage();
        String escalating = escalatingIncident("stack-escalation-2", "db-replica");
        String tenant = "stack-replicas";
        String key = register(tenant, "{}", "operators");
        List<String> fingerprints = new ArrayList<>();
        for (int host = 0; host < 8; host++) {
            String probe = "{\"source\":\"replica-test\",\"resource\":\"app-" + host + "\",\"check\":\"disk\","
                    + "\"severity\":\"warning\",\"summary\":\"Disk above 85%\"}";
            String batch = "[" + String.join(",", java.util.Collections.nCopies(25, probe)) + "]";
            for (int request = 0; request < 4; request++) {
                Api.Reply reply = API.post(url(Service.INGEST, "/v1/alerts"), key, batch);
                assertEquals(202, reply.status(), reply.body().toString());
                if (request == 0) {
                    fingerprints.add(reply.body().path("alerts").path(0).path("fingerprint").asText());
                }
            }
        }

        assertEquals(TRIAGE_CONSUMERS, ownersOfPartitions("vigil-triage", TRIAGE_CONSUMERS),
                "both triage processes own partitions: each of their two consumers owns one of the four");
        for (String fingerprint : fingerprints) {
            JsonNode incident = await(() -> openIncident(tenant, fingerprint),
                    i -> i != null && i.path("occurrences").asLong() >= 100);
            assertEquals(100, incident.path("occurrences").asLong(), fingerprint);
            String incidentId = incident.path("id").asText();
            await(() -> webhookTypes(incidentId), types -> types.contains("incident.awaiting-decision"));
            assertEquals(UNDECIDED, webhookTypes(incidentId));
        }
        // both replicas sweep deadlines; the escalation still happens once
        assertStaysTheSame(() -> webhookTypes(escalating), List.of("incident.escalated"));
    }

    @Test
    @Order(6)
    void upRestartsAKilledPostgresServerAndAKilledServiceAndTheStoryStillWorks() {
        ProcessHandle server = stack.postgresServer().orElseThrow();
        server.destroyForcibly(); // SIGKILL of PostgreSQL itself; its holder JVM lives on
        server.onExit().join();
        stack.kill(Service.TRIAGE);

        Map<String, ProcessStatus> status = statusByName();
        assertEquals("running", status.get(Stack.POSTGRES).process(), "the holder outlives its server");
        assertEquals(Health.DEAD, status.get(Stack.POSTGRES).health());
        assertEquals("stopped", status.get("triage").process());
        assertEquals(Health.DEAD, status.get("triage").health());
        assertEquals(Health.NOT_READY, status.get("ingest").health(), "ingest answers, but its database is gone");
        assertFalse(stack.isUp());

        long started = System.nanoTime();
        stack.up();
        System.out.printf("up repaired a killed PostgreSQL server and triage in %.1f s%n",
                (System.nanoTime() - started) / 1e9);
        statusByName().values().forEach(s -> assertEquals(Health.READY, s.health(), s.toString()));
        assertTrue(stack.postgresServer().isPresent());
        assertNotEquals(server.pid(), stack.postgresServer().orElseThrow().pid());

        Demo.Outcome outcome = new Demo(stack, new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8)).run();
        assertEquals(3, outcome.occurrences());
        assertEquals(CONFIRMED_STORY, webhookTypes(outcome.incidentId()));
    }

    @Test
    @Order(7)
    void aRecordTriageParkedIsListedAndRedrivenThroughTheCommand() throws Exception {
        String eventId = java.util.UUID.randomUUID().toString(); // a well-formed ce_id: the value is the poison
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.layout().kafkaBootstrap());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            ProducerRecord<String, String> poison = new ProducerRecord<>(Topics.ALERTS, Demo.TENANT + "/poison", "{not json");
            poison.headers().add(CloudEventHeaders.ID, eventId.getBytes(StandardCharsets.UTF_8));
            poison.headers().add(CloudEventHeaders.TENANT, Demo.TENANT.getBytes(StandardCharsets.UTF_8));
            poison.headers().add(CloudEventHeaders.SPEC_VERSION, "1.0".getBytes(StandardCharsets.UTF_8));
            poison.headers().add(CloudEventHeaders.TYPE, EventTypes.ALERT.getBytes(StandardCharsets.UTF_8));
            producer.send(poison).get();
        }
        DeadLetterTopic dlq = new DeadLetterTopic(stack.layout().kafkaBootstrap(), Topics.DLQ_TRIAGE);
        ParkedRecord parked = await(() -> parkedWith(dlq, eventId), found -> found.size() == 1).get(0);
        assertTrue(parked.reason().startsWith("the value is not a valid Alert"), parked.reason());
        assertTrue(parked.origin().startsWith(Topics.ALERTS + "-"), parked.origin());
        assertEquals(Demo.TENANT, parked.tenant());

        VigilRun list = VigilRun.of(out -> stack, "dlq", "list", "--service", "triage");
        assertTrue(list.out().contains(eventId), list.out() + list.err());
        VigilRun redrive = VigilRun.of(out -> stack, "dlq", "redrive", "--service", "triage", "--offset",
                parked.position().toString());
        assertEquals(0, redrive.status(), redrive.err());

        // still poison, so triage parks the re-driven copy again: proof it went back to vigil.alerts and was consumed
        List<ParkedRecord> both = await(() -> parkedWith(dlq, eventId), found -> found.size() == 2);
        assertTrue(both.get(0).redriven());
        assertFalse(both.get(1).redriven());
        assertEquals("vigil.dlq.triage@" + parked.position(),
                ParkedRecord.header(both.get(1).record(), DeadLetterTopic.REDRIVEN_FROM));
    }

    @Test
    @Order(10)
    void aCriticalThePolicyConfirmsReachesTheCustomerWithNoPerson() {
        String tenant = "stack-auto";
        String key = register(tenant, "{\"autoConfirm\": [\"critical\"]}", "customer");
        String probe = "{\"source\":\"auto-test\",\"resource\":\"pay-01\",\"check\":\"http\","
                + "\"severity\":\"critical\",\"summary\":\"Payment page answers 500\"}";
        assertEquals(202, API.post(url(Service.INGEST, "/v1/alerts"), key, probe).status());
        String operator = stack.tokens().token("operator", tenant);
        JsonNode incident = await(() -> API.list(url(Service.TRIAGE, "/v1/incidents"), operator).stream().findFirst()
                .orElse(null), i -> i != null && "confirmed".equals(i.path("status").asText()));
        assertEquals("policy", incident.path("decision").path("confirmedBy").asText());
        assertStaysTheSame(() -> webhookTypes(incident.path("id").asText()), List.of("incident.confirmed"));
    }

    @Test
    @Order(12)
    void aRunbookRestartedMidExecutionCarriesOnAndItsLastVerificationResolvesTheIncident() {
        String tenant = "stack-restart";
        String key = register(tenant, "{\"autoConfirm\": [\"critical\"], \"reportRecovery\": true}", "customer");
        String supervisor = stack.tokens().token("supervisor", tenant);
        Api.Reply runbook = API.post(url(Service.RUNBOOK, "/v1/runbooks"), supervisor, Json.write(Map.of(
                "name", "Database down", "match", Map.of("check", "postgres"), "steps", List.of(
                        Map.of("title", "Look at the connection count", "critical", false),
                        Map.of("title", "Restart the database", "critical", true)))));
        assertEquals(201, runbook.status(), runbook.body().toString());
        String probe = "{\"source\":\"restart-test\",\"resource\":\"db-01\",\"check\":\"postgres\","
                + "\"severity\":\"critical\",\"summary\":\"Database refuses connections\",\"status\":\"%s\"}";
        assertEquals(202, API.post(url(Service.INGEST, "/v1/alerts"), key, probe.formatted("firing")).status());
        String aiko = stack.tokens().token("operator", tenant, "aiko", Duration.ofHours(1));
        String kenji = stack.tokens().token("operator", tenant, "kenji", Duration.ofHours(1));
        JsonNode execution = await(() -> API.list(url(Service.RUNBOOK, "/v1/executions"), aiko).stream().findFirst()
                .orElse(null), found -> found != null);
        String steps = url(Service.RUNBOOK, "/v1/executions/" + execution.path("id").asText() + "/steps/");
        for (String move : List.of("1/start", "1/complete", "2/start", "2/complete")) {
            assertEquals(200, API.post(steps + move, aiko, "{}").status(), move);
        }

        stack.kill(Service.RUNBOOK);
        stack.up();

        assertEquals(202, API.post(url(Service.INGEST, "/v1/alerts"), key, probe.formatted("resolved")).status());
        String incidentId = execution.path("incidentId").asText();
        await(() -> API.get(url(Service.TRIAGE, "/v1/incidents/" + incidentId), aiko).body(),
                incident -> "recovering".equals(incident.path("status").asText()));
        assertEquals(409, API.post(steps + "2/verify", aiko, "{}").status(), "the executor may not verify");
        Api.Reply verified = API.post(steps + "2/verify", kenji, "{}");
        assertEquals(200, verified.status(), verified.body().toString());
        assertEquals("completed", verified.body().path("status").asText());
        await(() -> API.get(url(Service.TRIAGE, "/v1/incidents/" + incidentId), aiko).body(),
                incident -> "resolved".equals(incident.path("status").asText()));
        await(() -> webhookTypes(incidentId), types -> types.contains("incident.resolved"));
        List<String> timeline = API.list(url(Service.RUNBOOK, "/v1/executions/" + execution.path("id").asText()
                + "/timeline"), aiko).stream().map(entry -> entry.path("action").asText()).toList();
        assertEquals(List.of("opened", "step-started", "step-done", "step-started", "verification-requested",
                "step-verified", "completed"), timeline);
    }

    @Test
    @Order(13)
    void aNightHandedOverAcrossTheServicesListsWhatIsOpenAndTheCustomerHearsOfEachStepTheyFollow() {
        String tenant = "stack-night";
        String key = register(tenant, "{\"autoConfirm\": [\"critical\"], \"reportRecovery\": true}", "customer");
        String supervisor = stack.tokens().token("supervisor", tenant);
        Api.Reply runbook = API.post(url(Service.RUNBOOK, "/v1/runbooks"), supervisor, Json.write(Map.of(
                "name", "Database down", "match", Map.of("check", "postgres"), "steps", List.of(
                        Map.of("title", "Check the database server", "critical", false, "customerVisible", true),
                        Map.of("title", "Read the logs", "critical", false),
                        Map.of("title", "Restart the database", "critical", true, "customerVisible", true)))));
        assertEquals(201, runbook.status(), runbook.body().toString());
        for (Map<String, Object> shift : List.of(
                Map.<String, Object>of("name", "stack-night", "timeZone", "Asia/Tokyo", "starts", "20:30",
                        "ends", "08:30", "members", List.of("aiko")),
                Map.<String, Object>of("name", "stack-morning", "timeZone", "Asia/Tokyo", "starts", "08:30",
                        "ends", "20:30", "members", List.of("mei")))) {
            Api.Reply created = API.post(url(Service.RUNBOOK, "/v1/shifts"), supervisor, Json.write(shift));
            assertEquals(201, created.status(), created.body().toString());
        }
        // a confirmed database failure whose runbook is under way, and a web warning nobody has decided on
        String failure = "{\"source\":\"night-test\",\"resource\":\"db-02\",\"check\":\"postgres\","
                + "\"severity\":\"critical\",\"summary\":\"Database refuses connections\"}";
        assertEquals(202, API.post(url(Service.INGEST, "/v1/alerts"), key, failure).status());
        String warning = "{\"source\":\"night-test\",\"resource\":\"web-05\",\"check\":\"latency\","
                + "\"severity\":\"warning\",\"summary\":\"Slow answers\"}";
        assertEquals(202, API.post(url(Service.INGEST, "/v1/alerts"), key, warning).status());
        String aiko = stack.tokens().token("operator", tenant, "aiko", Duration.ofHours(1));
        JsonNode execution = await(() -> API.list(url(Service.RUNBOOK, "/v1/executions"), aiko).stream().findFirst()
                .orElse(null), found -> found != null);
        String steps = url(Service.RUNBOOK, "/v1/executions/" + execution.path("id").asText() + "/steps/");
        for (String move : List.of("1/start", "1/complete", "2/start", "2/complete", "3/start", "3/complete")) {
            assertEquals(200, API.post(steps + move, aiko, "{}").status(), move);
        }
        String incidentId = execution.path("incidentId").asText();
        await(() -> API.list(url(Service.TRIAGE, "/v1/incidents?status=open"), aiko), open -> open.size() == 1);
        // a silence that ends within the morning shift
        String endsAt = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS).toString();
        Api.Reply silence = API.post(url(Service.TRIAGE, "/v1/silences"), aiko, Json.write(Map.of(
                "matchers", List.of(Map.of("label", "resource", "op", "=", "value", "batch-01")),
                "endsAt", endsAt, "comment", "Nightly batch rerun")));
        assertEquals(201, silence.status(), silence.body().toString());

        Api.Reply written = API.post(url(Service.RUNBOOK, "/v1/handovers"), aiko, Json.write(Map.of(
                "shift", "stack-night", "nextShift", "stack-morning",
                "notes", List.of(Map.of("text", "Call the customer before restarting db-02 again")))));
        assertEquals(201, written.status(), written.body().toString());
        List<String> items = new ArrayList<>();
        written.body().path("items").forEach(item -> items.add(item.path("kind").asText() + " "
                + item.path("title").asText()));
        assertEquals(List.of(
                "incident db-02: Database refuses connections (critical)",
                "incident web-05: Slow answers (warning)",
                "verification Runbook 'Database down' for db-02: step 3 'Restart the database' waits for a second"
                        + " person",
                "execution Runbook 'Database down' for db-02",
                "silence Silence of resource=batch-01 (Nightly batch rerun) ends at " + endsAt,
                "note Call the customer before restarting db-02 again"), items);
        String mei = stack.tokens().token("operator", tenant, "mei", Duration.ofHours(1));
        String acknowledge = url(Service.RUNBOOK, "/v1/handovers/" + written.body().path("id").asText()
                + "/items/3/acknowledge");
        assertEquals(409, API.post(acknowledge, aiko, "{}").status(), "the writer does not take it over");
        Api.Reply taken = API.post(acknowledge, mei, "{\"note\":\"Verifying now\"}");
        assertEquals(200, taken.status(), taken.body().toString());
        assertEquals("mei", taken.body().path("items").get(2).path("acknowledgedBy").asText());

        // the customer heard of the one step they follow that is done; the critical one waits for verification
        await(() -> webhookTypes(incidentId), types -> types.contains("incident.progress"));
        assertStaysTheSame(() -> webhookTypes(incidentId), List.of("incident.confirmed", "incident.progress"));
        assertEquals(200, API.post(steps + "3/verify", mei, "{}").status());
        await(() -> webhookTypes(incidentId), types -> types.equals(List.of("incident.confirmed",
                "incident.progress", "incident.progress")));
    }

    @Test
    @Order(11)
    void twoTriageProcessesOpenOneIncidentPerGroupAndAPendingAlertOutlivesTheirRestart() throws SQLException {
        // alerts are keyed by fingerprint, so one group's alerts land on partitions both processes own
        startSecondTriage();
        assertEquals(TRIAGE_CONSUMERS, ownersOfPartitions("vigil-triage", TRIAGE_CONSUMERS),
                "both triage processes own partitions: each of their two consumers owns one of the four");
        String tenant = "stack-groups";
        String key = register(tenant, "{}", "operators");
        String operator = stack.tokens().token("operator", tenant);
        List<String> resources = new ArrayList<>();
        List<String> alerts = new ArrayList<>();
        for (int host = 0; host < 8; host++) {
            resources.add("shard-" + host);
            for (String check : GROUP_CHECKS) {
                alerts.add("{\"source\":\"group-test\",\"resource\":\"shard-" + host + "\",\"check\":\"" + check
                        + "\",\"severity\":\"major\",\"summary\":\"" + check + " failing on shard-" + host + "\"}");
            }
        }
        // both processes frozen while ingest puts the alerts on the topic (its 202 waits for the broker), so each
        // takes its whole share of every group in one batch; the batches are held at their first read, the tenants'
        // rules, until both wait, then let go at once to meet at the group lock. Without it, each would find no
        // incident for a group and open one
        Api.Reply reply;
        try (Connection hold = triageDatabase(); Connection watch = triageDatabase()) {
            hold.setAutoCommit(false);
            hold.createStatement().execute("lock table triage_rules in access exclusive mode");
            signalBothTriages("STOP");
            try {
                reply = API.post(url(Service.INGEST, "/v1/alerts"), key, "[" + String.join(",", alerts) + "]");
            } finally {
                signalBothTriages("CONT"); // within the consumers' session timeout: the group keeps its members
            }
            assertEquals(202, reply.status(), reply.body().toString());
            Awaitility.await().atMost(WAIT).during(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(100))
                    .until(() -> waitingOnLocks(watch), waiting -> waiting >= 2);
            hold.rollback();
        }
        Set<String> fingerprints = new TreeSet<>();
        reply.body().path("alerts").forEach(alert -> fingerprints.add(alert.path("fingerprint").asText()));
        assertEquals(40, fingerprints.size(), "8 resources, 5 checks each: 40 alerts");

        // settled: every alert is in an incident, and a duplicate incident would have shown by then
        await(() -> API.list(url(Service.TRIAGE, "/v1/alert-states"), operator),
                states -> states.size() == 40 && states.stream().allMatch(state -> state.hasNonNull("incidentId")));
        assertStaysTheSame(() -> API.list(url(Service.TRIAGE, "/v1/incidents"), operator).stream()
                .map(incident -> incident.path("resource").asText()).sorted().toList(), resources);
        Set<String> grouped = new TreeSet<>();
        for (JsonNode incident : API.list(url(Service.TRIAGE, "/v1/incidents"), operator)) {
            String resource = incident.path("resource").asText();
            List<JsonNode> members = API.list(url(Service.TRIAGE, "/v1/incidents/" + incident.path("id").asText()
                    + "/alerts"), operator);
            assertEquals(GROUP_CHECKS, members.stream().map(alert -> alert.path("check").asText()).sorted().toList(),
                    resource + ": its five checks, each once: " + members);
            for (JsonNode alert : members) {
                assertEquals(resource, alert.path("resource").asText(), alert.toString());
                assertEquals(1, alert.path("occurrences").asLong(), "counted once: " + alert);
                grouped.add(alert.path("fingerprint").asText());
            }
            assertEquals(5, incident.path("occurrences").asLong(), incident.toString());
        }
        assertEquals(fingerprints, grouped, "every alert is in its resource's incident");

        // a restart in the middle of a threshold: the pending alert's state is kept by the database, not a process
        String pendingTenant = "stack-pending";
        String pendingKey = registerWithDefaultRules(pendingTenant, "{}", "operators");
        String pendingOperator = stack.tokens().token("operator", pendingTenant);
        Instant firstFailure = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String fingerprint = postOne(pendingKey, backlogFiring(firstFailure));
        JsonNode pending = await(() -> alertState(pendingTenant, fingerprint), state -> state != null);
        assertEquals("threshold", pending.path("reason").asText(), pending.toString());
        assertEquals("pending-period", pending.path("reasonRef").asText(), pending.toString());
        stack.kill(Service.TRIAGE);
        stack.killReplica(Service.TRIAGE, triageReplicaPort);
        stack.up();

        // fired 6 minutes by the probe's clock: past the 5-minute pending period, counting the firing from before
        postOne(pendingKey, backlogFiring(firstFailure.plus(Duration.ofMinutes(6))));
        JsonNode incident = await(() -> openIncident(pendingTenant, fingerprint), i -> i != null);
        assertEquals(2, incident.path("occurrences").asLong(), incident.toString());
        assertStaysTheSame(() -> API.list(url(Service.TRIAGE, "/v1/incidents"), pendingOperator).size(), 1);
    }

    @Test
    void anAlertStillFiringWhenItsWindowEndsIsRaisedThenThoughTriageRestartedInTheWindow() {
        String tenant = "stack-window";
        String key = register(tenant, "{}", "operators");
        Instant end = Instant.now().plus(Duration.ofSeconds(75)).truncatedTo(ChronoUnit.SECONDS);
        Api.Reply window = API.post(url(Service.TRIAGE, "/v1/maintenance-windows"),
                stack.tokens().token("supervisor", tenant), "{\"tenant\":\"" + tenant + "\",\"name\":\"db patching\","
                        + "\"timeZone\":\"Asia/Tokyo\",\"matchers\":[{\"label\":\"resource\",\"op\":\"=\","
                        + "\"value\":\"queue-01\"}],\"startsAt\":\"" + end.minus(Duration.ofMinutes(30))
                        + "\",\"endsAt\":\"" + end + "\"}");
        assertEquals(201, window.status(), window.body().toString());
        String fingerprint = postOne(key, backlogFiring(Instant.now()));
        JsonNode held = await(() -> alertState(tenant, fingerprint), state -> state != null);
        assertEquals("maintenance", held.path("reason").asText(), held.toString());
        assertEquals(window.body().path("id").asText(), held.path("reasonRef").asText());

        // a restart in the middle of the window: what it holds, and when to look again, are rows, not memory
        stack.kill(Service.TRIAGE);
        if (triageReplicaPort != 0) {
            stack.killReplica(Service.TRIAGE, triageReplicaPort);
        }
        stack.up();
        assertTrue(Instant.now().isBefore(end), "triage was back before the window ended");
        assertNull(openIncident(tenant, fingerprint), "nothing opens while the window holds it");

        // the source sent its failure once; the wall clock raises it when the window ends
        JsonNode incident = await(() -> openIncident(tenant, fingerprint), i -> i != null, Duration.ofSeconds(120));
        assertFalse(Instant.parse(incident.path("openedAt").asText()).isBefore(end.minusSeconds(1)),
                "opened when the window ended: " + incident);
        assertEquals(1, incident.path("occurrences").asLong(), incident.toString());
    }

    /**
     * Registers {@code tenant} with its policy, rules that raise every alert at once (its scenario is not about the
     * noise rules, whose default pending period would hold each alert 5 minutes) and one endpoint at the receiver for
     * {@code audience}; the ingest key.
     */
    private static String register(String tenant, String policy, String audience) {
        String key = registerWithDefaultRules(tenant, policy, audience);
        saveRules(tenant, RAISE_AT_ONCE);
        return key;
    }

    /** Registers {@code tenant} as {@link #register} does, but leaves it the MSP's default noise rules. */
    private static String registerWithDefaultRules(String tenant, String policy, String audience) {
        String admin = stack.tokens().adminToken();
        assertEquals(201, API.post(url(Service.INGEST, "/v1/tenants"), admin,
                "{\"id\":\"" + tenant + "\",\"name\":\"" + tenant + "\"}").status());
        Api.Reply key = API.post(url(Service.INGEST, "/v1/tenants/" + tenant + "/ingest-keys"), admin, "{}");
        assertEquals(201, key.status(), key.body().toString());
        String supervisor = stack.tokens().token("supervisor", tenant);
        Api.Reply endpoint = API.post(url(Service.NOTIFY, "/v1/endpoints"), supervisor, "{\"url\":\""
                + stack.layout().receiverUrl() + "/webhooks/" + tenant + "-" + audience + "\",\"audience\":\""
                + audience + "\"}");
        assertEquals(201, endpoint.status(), endpoint.body().toString());
        try {
            Files.writeString(WebhookReceiver.secretsFile(stack.layout()), endpoint.body().path("secret").asText()
                    + System.lineSeparator(), java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertEquals(200, API.put(url(Service.TRIAGE, "/v1/policies/" + tenant), supervisor, policy).status());
        return key.body().path("key").asText();
    }

    /** Saves the first rules of a tenant that never saved any (version 0: the defaults). */
    private static void saveRules(String tenant, String rules) {
        Api.Reply saved = API.put(url(Service.TRIAGE, "/v1/rules/" + tenant), stack.tokens().token("supervisor", tenant),
                rules, Map.of("If-Match", "\"0\""));
        assertEquals(200, saved.status(), saved.body().toString());
    }

    /** A second triage process in the same consumer group, started once and kept for the later tests. */
    private static void startSecondTriage() {
        if (triageReplicaPort == 0) {
            triageReplicaPort = EmbeddedKafka.freePort();
        }
        stack.startReplica(Service.TRIAGE, triageReplicaPort); // a no-op while it runs
    }

    /** Posts one alert; its fingerprint. */
    private static String postOne(String key, String alertJson) {
        Api.Reply reply = API.post(url(Service.INGEST, "/v1/alerts"), key, alertJson);
        assertEquals(202, reply.status(), reply.body().toString());
        return reply.body().path("alerts").path(0).path("fingerprint").asText();
    }

    /** A queue's backlog alarm, firing, as observed at {@code observedAt}. */
    private static String backlogFiring(Instant observedAt) {
        return "{\"source\":\"restart-test\",\"resource\":\"queue-01\",\"check\":\"backlog\","
                + "\"severity\":\"major\",\"status\":\"firing\",\"summary\":\"Backlog above 10000 messages\","
                + "\"observedAt\":\"" + observedAt + "\"}";
    }

    /** What triage knows of one alert of {@code tenant}; null before it read the alert. */
    private static JsonNode alertState(String tenant, String fingerprint) {
        return API.list(url(Service.TRIAGE, "/v1/alert-states?fingerprint=" + fingerprint),
                stack.tokens().token("operator", tenant)).stream().findFirst().orElse(null);
    }

    /** The demo probe's HTTP check of the shop's second web server, which the demo's stories leave alone. */
    private static String secondShopFront(String status) {
        return "{\"source\":\"demo-probe\",\"resource\":\"shop-web-02\",\"check\":\"http\","
                + "\"severity\":\"critical\",\"status\":\"" + status + "\",\"summary\":\"Shop homepage answers HTTP 503\","
                + "\"labels\":{\"env\":\"prod\",\"service\":\"web-shop\"}}";
    }

    /** A tenant whose major incidents must be decided within seconds, and one such incident, still undecided. */
    private static String escalatingIncident(String tenant, String check) {
        String key = register(tenant, "{\"decisionDeadlines\": {\"major\": \"PT8S\"}}", "supervisors");
        String probe = "{\"source\":\"deadline-test\",\"resource\":\"db-01\",\"check\":\"" + check + "\","
                + "\"severity\":\"major\",\"summary\":\"Database not answering\"}";
        assertEquals(202, API.post(url(Service.INGEST, "/v1/alerts"), key, probe).status());
        String operator = stack.tokens().token("operator", tenant);
        return await(() -> API.list(url(Service.TRIAGE, "/v1/incidents"), operator).stream().findFirst().orElse(null),
                i -> i != null).path("id").asText();
    }

    private static List<ParkedRecord> parkedWith(DeadLetterTopic dlq, String eventId) {
        return dlq.list().stream().filter(p -> eventId.equals(p.eventId())).toList();
    }

    private static Map<String, ProcessStatus> statusByName() {
        Map<String, ProcessStatus> byName = new java.util.HashMap<>();
        stack.statuses().forEach(s -> byName.put(s.name(), s));
        return byName;
    }

    private static List<String> webhookTypes(String incidentId) {
        List<String> types = new ArrayList<>();
        for (JsonNode webhook : API.get(stack.layout().receiverUrl() + "/received", null).body()) {
            if (incidentId.equals(webhook.path("incidentId").asText())) {
                assertTrue(webhook.path("verified").asBoolean(), "every webhook carries a valid signature");
                types.add(webhook.path("type").asText());
            }
        }
        return types;
    }

    private static JsonNode openIncident(String tenant, String fingerprint) {
        for (JsonNode incident : API.list(url(Service.TRIAGE, "/v1/incidents?status=open"),
                stack.tokens().token("operator", tenant))) {
            if (fingerprint.equals(incident.path("fingerprint").asText())) {
                return incident;
            }
        }
        return null;
    }

    private static String url(Service service, String path) {
        return stack.layout().serviceUrl(service) + path;
    }

    @Test
    @Order(8)
    void aRealAlertmanagersFiringAndResolvedAlertsOpenAndResolveAnIncident() throws Exception {
        Assumptions.assumeTrue(RealAlertmanager.installed(), RealAlertmanager.BINARY + " is not installed");
        String tenant = "stack-alertmanager";
        String key = register(tenant, "{}", "operators");
        String operator = stack.tokens().token("operator", tenant);
        try (RealAlertmanager alertmanager = RealAlertmanager.start(url(Service.INGEST, "/v1/ingest/alertmanager"),
                key)) {
            Instant startsAt = Instant.now().minusSeconds(60);
            alertmanager.post("DiskFull", "stack-it-db:9100", startsAt, null);
            JsonNode opened = await(() -> API.list(url(Service.TRIAGE, "/v1/incidents?status=open"), operator)
                    .stream().filter(i -> "stack-it-db:9100".equals(i.path("resource").asText())).findFirst()
                    .orElse(null), i -> i != null);
            assertTrue(opened.path("fingerprint").asText().startsWith("alertmanager:"), opened.toString());
            assertEquals("DiskFull", opened.path("check").asText());

            alertmanager.post("DiskFull", "stack-it-db:9100", startsAt, Instant.now());
            // nobody confirmed it: it ends once the lateness has passed
            await(() -> API.get(url(Service.TRIAGE, "/v1/incidents/" + opened.path("id").asText()), operator).body(),
                    i -> "resolved".equals(i.path("status").asText()), UNDECIDED_RESOLVE_WAIT);
        }
    }

    @Test
    @Order(9)
    void forgedAndExpiredTokensAreRefusedByEveryRunningService() throws Exception {
        DevTokens forger = DevTokens.in(Files.createTempDirectory("forger-"));
        JwtClaims expired = DevTokens.claims("operator", Demo.TENANT, "night-shift", Duration.ofHours(1));
        expired.setIssuedAt(NumericDate.fromSeconds(Instant.now().minus(Duration.ofHours(3)).getEpochSecond()));
        expired.setExpirationTime(NumericDate.fromSeconds(Instant.now().minus(Duration.ofHours(2)).getEpochSecond()));
        Map<String, String> badTokens = Map.of(
                "signed with another key", forger.token("operator", Demo.TENANT),
                "expired two hours ago", stack.tokens().sign(expired));
        Map<Service, String> protectedPaths = Map.of(Service.INGEST, "/v1/tenants", Service.TRIAGE, "/v1/incidents",
                Service.NOTIFY, "/v1/endpoints", Service.RUNBOOK, "/v1/runbooks");
        HttpClient client = HttpClient.newHttpClient();
        for (var path : protectedPaths.entrySet()) {
            for (var token : badTokens.entrySet()) {
                HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(url(path.getKey(),
                        path.getValue()))).header("Authorization", "Bearer " + token.getValue()).build(),
                        HttpResponse.BodyHandlers.ofString());
                String what = path.getKey().id() + " with a token " + token.getKey();
                assertEquals(401, answer.statusCode(), what);
                assertEquals("application/problem+json", answer.headers().firstValue("Content-Type").orElse(""), what);
                assertTrue(answer.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"), what);
            }
        }
    }

    private static void signalBothTriages(String signal) {
        stack.signal(Service.TRIAGE, signal);
        stack.signalReplica(Service.TRIAGE, triageReplicaPort, signal);
    }

    private static Connection triageDatabase() throws SQLException {
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.existing(
                "postgresql://postgres:postgres@127.0.0.1:" + stack.layout().pgPort());
        return DriverManager.getConnection(postgres.jdbcUrl(Service.TRIAGE.database()), postgres.user(),
                postgres.password());
    }

    /** Transactions of triage's database waiting for a lock, seen from a connection outside any transaction. */
    private static long waitingOnLocks(Connection watch) throws SQLException {
        try (Statement query = watch.createStatement(); ResultSet rows = query.executeQuery("select count(*) from"
                + " pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Members of the consumer group that own at least one partition, once {@code expected} of them do. */
    private static long ownersOfPartitions(String group, long expected) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.layout().kafkaBootstrap());
        try (Admin admin = Admin.create(props)) {
            return await(() -> admin.describeConsumerGroups(List.of(group)).all().get().get(group).members().stream()
                    .filter(member -> !member.assignment().topicPartitions().isEmpty()).count(),
                    owners -> owners >= expected);
        }
    }

    /** Waits for {@code expected}, then checks nothing changes for a quiet moment: a late duplicate shows then. */
    private static <T> void assertStaysTheSame(Callable<T> probe, T expected) {
        await(probe, expected::equals);
        Awaitility.await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                .until(probe, expected::equals);
    }

    private static <T> T await(Callable<T> probe, Predicate<T> done) {
        return await(probe, done, WAIT);
    }

    private static <T> T await(Callable<T> probe, Predicate<T> done, Duration timeout) {
        return Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(200)).until(probe, done::test);
    }
}
