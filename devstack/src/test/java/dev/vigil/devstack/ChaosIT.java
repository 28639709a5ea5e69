package dev.vigil.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.contracts.Alert;
import dev.vigil.contracts.AlertStatus;
import dev.vigil.contracts.CloudEventHeaders;
import dev.vigil.contracts.EventTypes;
import dev.vigil.contracts.Json;
import dev.vigil.contracts.Keys;
import dev.vigil.contracts.Severity;
import dev.vigil.contracts.Topics;
import dev.vigil.testsupport.ConsumerMetrics;
import dev.vigil.testsupport.EmbeddedKafka;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Faults injected into the whole stack (separate processes) while several tenants send steady load. After each
 * fault every accepted alert is reconciled against triage's counts, each incident against the receiver's
 * webhooks and runbook's executions, and the DLQs against the round: the ledger must show nothing lost, nothing
 * twice and no bystander parked. CI runs the short profile; {@code -Dvigil.chaos.outage=PT30S} runs it at full
 * length ({@code ./mvnw -pl devstack -am verify -Dit.test=ChaosIT -Dvigil.chaos.outage=PT30S}).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChaosIT {
    private static final Duration OUTAGE = Duration.parse(System.getProperty("vigil.chaos.outage", "PT10S"));
    /** Past the consumers' 10 s session timeout, so the group evicts the paused member. */
    private static final Duration PAUSE = Duration.ofSeconds(15);
    private static final Duration STEADY = Duration.ofSeconds(3);
    private static final Duration SETTLE = Duration.ofSeconds(180);
    private static final int TENANTS = 3;

    private static Stack stack;
    private static final Api API = new Api();
    private static final Map<String, String> KEYS = new LinkedHashMap<>();
    private static final List<ChaosLedger> LEDGERS = new ArrayList<>();
    private static int rounds;
    private static int notifyReplicaPort;

    @BeforeAll
    static void startStackWithTenants() {
        stack = TestStacks.startOnFreePorts("chaos-it-");
        for (int t = 0; t < TENANTS; t++) {
            String tenant = "chaos-" + (char) ('a' + t) + "-" + UUID.randomUUID().toString().substring(0, 6);
            KEYS.put(tenant, register(tenant, "/webhooks/" + tenant));
        }
    }

    @AfterAll
    static void printLedgerAndStop() throws IOException {
        StringBuilder table = new StringBuilder("chaos ledger (outage " + OUTAGE.toSeconds() + " s, " + TENANTS
                + " tenants, " + (1000 / ChaosLoad.PERIOD_MS) * ChaosLoad.BATCH + " alerts/s each)\n");
        LEDGERS.forEach(ledger -> table.append(ledger.line()).append('\n'));
        System.out.print(table);
        Files.writeString(Path.of("target", "chaos-ledger.txt"), table, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING);
        if (stack != null) {
            stack.status();
            stack.down();
        }
    }

    @Test
    @Order(1)
    void postgresKilledAndRestartedLosesNothing() {
        assertClean(round("postgres killed " + OUTAGE.toSeconds() + "s", round -> {
            ProcessHandle server = stack.postgresServer().orElseThrow();
            server.destroyForcibly();
            server.onExit().join();
            sleep(OUTAGE);
            stack.up();
        }));
    }

    @Test
    @Order(2)
    void brokerKilledAndRestartedLosesNothing() {
        assertClean(round("broker killed", round -> {
            stack.kill(Stack.KAFKA);
            sleep(STEADY);
            stack.up();
        }));
    }

    @ParameterizedTest
    @EnumSource(Service.class)
    @Order(3)
    void aServiceKilledAndRestartedLosesNothing(Service service) {
        assertClean(round(service.id() + " SIGKILL", round -> {
            stack.kill(service);
            sleep(STEADY);
            stack.up();
        }));
        if (service == Service.TRIAGE) {
            // the kill landed in uncommitted work: the restarted triage got events again and its inbox dropped them
            assertTrue(redelivered(Service.TRIAGE, "alerts-in") > 0, "nothing was redelivered after the crash");
        }
    }

    @Test
    @Order(4)
    void triagePausedPastItsSessionTimeoutLosesNothing() {
        assertClean(round("triage SIGSTOP " + PAUSE.toSeconds() + "s", round -> {
            stack.signal(Service.TRIAGE, "STOP");
            sleep(PAUSE);
            stack.signal(Service.TRIAGE, "CONT");
        }));
    }

    @Test
    @Order(5)
    void onePoisonAlertParksItselfAndNoBystander() {
        String guilty = KEYS.keySet().iterator().next();
        UUID poisonId = UUID.randomUUID();
        ChaosLedger ledger = round("poison alert", round -> publishUnstorable(guilty, poisonId));
        assertClean(ledger);
        long parked = new DeadLetterTopic(stack.layout().kafkaBootstrap(), Topics.DLQ_TRIAGE).list().stream()
                .filter(record -> poisonId.toString().equals(record.eventId())).count();
        assertEquals(1, parked, "the poison alert is parked exactly once");
    }

    @Test
    @Order(6)
    void twoNotifyProcessesShareTheEventsAndDeliverEachOnce() throws Exception {
        notifyReplicaPort = EmbeddedKafka.freePort();
        assertClean(round("notify second replica", round -> stack.startReplica(Service.NOTIFY, notifyReplicaPort)));
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.layout().kafkaBootstrap());
        try (Admin admin = Admin.create(props)) {
            ConsumerGroupDescription group = admin.describeConsumerGroups(List.of("vigil-notify")).all().get()
                    .get("vigil-notify");
            assertEquals(2, group.members().size(), group.toString());
            group.members().forEach(member -> assertTrue(!member.assignment().topicPartitions().isEmpty(),
                    "each notify process owns partitions: " + group));
        }
    }

    @Test
    @Order(7)
    void notifyKilledMidDeliverySendsTheSameWebhookIdAfterTheLease() {
        String tenant = "slow-" + UUID.randomUUID().toString().substring(0, 6);
        String key = register(tenant, WebhookReceiver.SLOW_PREFIX + tenant);
        String probe = "{\"source\":\"chaos\",\"resource\":\"slow-host\",\"check\":\"disk\",\"severity\":\"major\"}";
        assertEquals(202, API.post(stack.layout().serviceUrl(Service.INGEST) + "/v1/alerts", key, probe).status());
        String incidentId = Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
            var open = API.list(stack.layout().serviceUrl(Service.TRIAGE) + "/v1/incidents?status=confirmed",
                    stack.tokens().token("operator", tenant));
            return open.size() == 1 ? open.get(0).path("id").asText() : null;
        }, id -> id != null);
        // the receiver notes a request as it arrives and answers it seconds later: notify dies in between
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> webhookIds(incidentId).size() == 1);
        // every notify process, so none but a restarted one can try the delivery again
        stack.kill(Service.NOTIFY);
        if (notifyReplicaPort > 0) {
            stack.killReplica(Service.NOTIFY, notifyReplicaPort);
        }
        stack.up();

        // the claim's lease (60 s) has to run out before the delivery is tried again
        Awaitility.await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofSeconds(1))
                .until(() -> webhookIds(incidentId).size() >= 2);
        List<String> ids = webhookIds(incidentId);
        assertEquals(1, ids.stream().distinct().count(), "every try carries the same webhook-id: " + ids);
    }

    private static double redelivered(Service service, String channel) {
        String metrics;
        try {
            metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(stack.layout().serviceUrl(service) + "/q/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException | InterruptedException e) {
            throw new AssertionError("could not read " + service.id() + "'s metrics", e);
        }
        return ConsumerMetrics.of(metrics, "vigil_consumer_redelivered_total", channel);
    }

    private static List<String> webhookIds(String incidentId) {
        List<String> ids = new ArrayList<>();
        for (var webhook : API.get(stack.layout().receiverUrl() + "/received", null).body()) {
            if (incidentId.equals(webhook.path("incidentId").asText())) {
                assertTrue(webhook.path("verified").asBoolean(), "signed with the endpoint's secret");
                ids.add(webhook.path("webhookId").asText());
            }
        }
        return ids;
    }

    private interface Fault {
        void inject(String round);
    }

    /** Load before, during and after the fault, then the ledger once the stack has settled. */
    private static ChaosLedger round(String fault, Fault injection) {
        String round = "r" + (++rounds) + "x" + UUID.randomUUID().toString().substring(0, 4);
        try (ChaosLoad load = ChaosLoad.start(stack.layout().serviceUrl(Service.INGEST), round, KEYS)) {
            sleep(STEADY);
            injection.inject(round);
            sleep(STEADY);
            load.close();
            try {
                Awaitility.await(fault).atMost(SETTLE).pollInterval(Duration.ofSeconds(2))
                        .until(() -> reconcile(fault, load, round), ChaosLedger::clean);
                // anything applied or sent twice shows after a quiet moment
                sleep(Duration.ofSeconds(3));
            } catch (ConditionTimeoutException e) {
                // the ledger below says what never settled
            }
            return record(reconcile(fault, load, round));
        }
    }

    private static ChaosLedger reconcile(String fault, ChaosLoad load, String round) {
        List<String> parked = new ArrayList<>();
        for (String topic : List.of(Topics.DLQ_TRIAGE, Topics.DLQ_NOTIFY, Topics.DLQ_RUNBOOK)) {
            new DeadLetterTopic(stack.layout().kafkaBootstrap(), topic).list()
                    .forEach(r -> parked.add(r.record().value() == null ? ""
                            : new String(r.record().value(), StandardCharsets.UTF_8)));
        }
        return ChaosLedger.reconcile(fault, stack, load, round, KEYS.keySet(), parked);
    }

    private static ChaosLedger record(ChaosLedger ledger) {
        LEDGERS.add(ledger);
        System.out.println(ledger.line());
        return ledger;
    }

    private static void assertClean(ChaosLedger ledger) {
        assertTrue(ledger.clean(), ledger.line() + "\n" + String.join("\n", ledger.problems()));
        assertTrue(ledger.accepted() > 0 && ledger.incidents() > 0, "the round sent nothing: " + ledger.line());
    }

    /** An alert PostgreSQL cannot store, as a producer that bypasses ingest's checks would send it. */
    private static void publishUnstorable(String tenant, UUID eventId) {
        Instant now = Instant.now();
        Alert alert = new Alert(eventId, tenant, "poison-" + eventId, "chaos", "poisoned", "disk", Severity.MAJOR,
                AlertStatus.FIRING, "disk \u0000 full", Map.of(), Map.of(), now, now);
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.layout().kafkaBootstrap());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            ProducerRecord<String, String> record = new ProducerRecord<>(Topics.ALERTS,
                    Keys.alert(tenant, alert.fingerprint()), Json.write(alert));
            record.headers().add(CloudEventHeaders.ID, eventId.toString().getBytes(StandardCharsets.UTF_8));
            record.headers().add(CloudEventHeaders.SPEC_VERSION, "1.0".getBytes(StandardCharsets.UTF_8));
            record.headers().add(CloudEventHeaders.TYPE, EventTypes.ALERT.getBytes(StandardCharsets.UTF_8));
            record.headers().add(CloudEventHeaders.TENANT, tenant.getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not publish the poison alert", e);
        }
    }

    /**
     * A tenant with an ingest key, a webhook endpoint at the receiver, a runbook for the load's alerts, a policy that
     * confirms every severity without a person, so that every incident reaches the customer and its runbook (and ends
     * at once, without the lateness an unconfirmed one waits), and rules that raise every alert at once: the ledger
     * counts an incident's occurrences from the first accepted alert, which the default pending period would hold.
     * <p>
     * The rules keep the default grouping by resource, which merges nothing here: the load sends one check per
     * resource ({@link ChaosLoad#resource}), so each resource is one fingerprint, the ledger's count per resource is the
     * count per alert, and an alert lost or counted twice still shows in it. A group-by label of its own would only
     * restate that.
     */
    private static String register(String tenant, String receiverPath) {
        String admin = stack.tokens().adminToken();
        String ingest = stack.layout().serviceUrl(Service.INGEST);
        assertEquals(201, API.post(ingest + "/v1/tenants", admin,
                Json.write(Map.of("id", tenant, "name", "Chaos " + tenant))).status());
        Api.Reply key = API.post(ingest + "/v1/tenants/" + tenant + "/ingest-keys", admin, "{}");
        assertEquals(201, key.status(), key.body().toString());

        Api.Reply endpoint = API.post(stack.layout().serviceUrl(Service.NOTIFY) + "/v1/endpoints",
                stack.tokens().token("customer", tenant),
                Json.write(Map.of("url", stack.layout().receiverUrl() + receiverPath)));
        assertEquals(201, endpoint.status(), endpoint.body().toString());
        trust(endpoint.body().path("secret").asText());

        Api.Reply runbook = API.post(stack.layout().serviceUrl(Service.RUNBOOK) + "/v1/runbooks",
                stack.tokens().token("supervisor", tenant), Json.write(Map.of("name", "Free disk space",
                        "match", Map.of("source", "chaos"),
                        "steps", List.of(Map.of("title", "Clear old logs", "critical", true)))));
        assertEquals(201, runbook.status(), runbook.body().toString());

        Api.Reply policy = API.put(stack.layout().serviceUrl(Service.TRIAGE) + "/v1/policies/" + tenant,
                stack.tokens().token("supervisor", tenant), "{\"autoConfirm\": [\"critical\", \"major\","
                        + " \"minor\", \"warning\", \"info\"]}");
        assertEquals(200, policy.status(), policy.body().toString());

        Api.Reply rules = API.put(stack.layout().serviceUrl(Service.TRIAGE) + "/v1/rules/" + tenant,
                stack.tokens().token("supervisor", tenant), "{\"thresholds\": []}", Map.of("If-Match", "\"0\""));
        assertEquals(200, rules.status(), rules.body().toString());
        return key.body().path("key").asText();
    }

    private static void trust(String secret) {
        try {
            Files.writeString(WebhookReceiver.secretsFile(stack.layout()), secret + System.lineSeparator(),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
