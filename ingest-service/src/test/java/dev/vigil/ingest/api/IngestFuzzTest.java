package dev.vigil.ingest.api;

import static dev.vigil.testsupport.fuzz.FuzzHttp.request;

import dev.vigil.contracts.Json;
import dev.vigil.contracts.Topics;
import dev.vigil.ingest.alertmanager.AlertmanagerWebhookTest;
import dev.vigil.ingest.cloudwatch.CloudWatchAlarmTest;
import dev.vigil.ingest.cloudwatch.SnsTestSigner;
import dev.vigil.ingest.grafana.GrafanaWebhookTest;
import dev.vigil.ingest.pagerduty.PagerDutyEventTest;
import dev.vigil.ingest.zabbix.ZabbixEventTest;
import dev.vigil.testsupport.TestInfra;
import dev.vigil.testsupport.VigilTestResources;
import dev.vigil.testsupport.fuzz.BodyMutations;
import dev.vigil.testsupport.fuzz.Fuzz;
import dev.vigil.testsupport.fuzz.FuzzHttp;
import dev.vigil.testsupport.fuzz.FuzzRun;
import dev.vigil.testsupport.fuzz.RequestParts;
import dev.vigil.testsupport.fuzz.RowCount;
import dev.vigil.testsupport.fuzz.TopicLength;
import dev.vigil.testsupport.fuzz.Verdicts;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Generated and mutated requests to every ingest endpoint: never a 5xx, every 4xx a problem whose status is the
 * HTTP status, and a refused request leaves no tenant, key, revocation or published alert behind. See
 * {@link FuzzRun} to replay a run.
 */
@QuarkusTest
@WithTestResource(value = VigilTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class IngestFuzzTest {
    private static final String ALERT = "{\"source\":\"nagios\",\"resource\":\"web-01\",\"check\":\"http\","
            + "\"severity\":\"critical\",\"status\":\"firing\",\"summary\":\"HTTP 503\",\"labels\":{\"env\":\"prod\"},"
            + "\"annotations\":{\"runbook\":\"restart\"},\"observedAt\":\"2026-11-25T10:00:00Z\"}";

    private static final int KEY_BATCH = 10;

    private RowCount rows;
    private String admin;
    private String tenant;
    private String ingestKey;

    @BeforeEach
    void newTenantWithAKey() {
        rows = RowCount.ofServiceDatabase();
        admin = TestInfra.adminToken();
        tenant = "fz-" + UUID.randomUUID().toString().substring(0, 8);
        send(request("POST", "/v1/tenants").bearer(admin).carrying(json("{\"id\":\"" + tenant + "\",\"name\":\"F\"}")));
        ingestKey = send(request("POST", "/v1/tenants/" + tenant + "/ingest-keys").bearer(admin)
                .carrying(json("{}"))).json().get("key").asText();
    }

    @AfterEach
    void close() throws Exception {
        rows.close();
    }

    @Test
    void aMutatedTenantRegistrationIsAnsweredAndARefusedOneStoresNoTenant() {
        Fuzz.run("POST /v1/tenants", FuzzRun.tries(), random -> {
            String valid = "{\"id\":\"fz-" + Long.toHexString(random.nextLong()) + "\",\"name\":\"Fuzzed\"}";
            Verdicts.sendCheckingTrace(port(), request("POST", "/v1/tenants").bearer(admin)
                    .carrying(BodyMutations.mutate(valid, random)), () -> rows.of("select count(*) from tenants"),
                    created -> 1);
        });
    }

    @Test
    void aMutatedKeyRequestIsAnsweredAndARefusedOneIssuesNoKey() {
        Fuzz.run("POST /v1/tenants/{id}/ingest-keys", FuzzRun.tries(), random -> {
            boolean garbledPath = random.nextInt(4) == 0;
            String id = garbledPath ? RequestParts.pathSegment(random) : tenant;
            Verdicts.sendCheckingTrace(port(), request("POST", "/v1/tenants/" + id + "/ingest-keys").bearer(admin)
                    .carrying(BodyMutations.mutate("{\"name\":\"probe key\"}", random)),
                    () -> rows.of("select count(*) from ingest_keys"), issued -> 1);
        });
    }

    @Test
    void garbledPathIdsAreRefusedOrNotFound() {
        Fuzz.run("GET/DELETE /v1/tenants/{id}...", FuzzRun.tries(), random -> {
            String id = random.nextInt(3) == 0 ? tenant : RequestParts.pathSegment(random);
            String keyId = RequestParts.pathSegment(random);
            String query = RequestParts.query(random, List.of("id", "limit"), List.of(tenant, "1"));
            Verdicts.send(port(), request("GET", "/v1/tenants" + query).bearer(admin));
            Verdicts.send(port(), request("GET", "/v1/tenants/" + id + query).bearer(admin));
            Verdicts.send(port(), request("GET", "/v1/tenants/" + id + "/ingest-keys" + query).bearer(admin));
            Verdicts.send(port(), request(RequestParts.method(random), "/v1/tenants/" + id).bearer(admin));
            Verdicts.send(port(), request(RequestParts.method(random), "/v1/alerts").bearer(ingestKey));
            Verdicts.sendCheckingTrace(port(),
                    request("DELETE", "/v1/tenants/" + id + "/ingest-keys/" + keyId).bearer(admin), () -> rows.of("select count(*) from ingest_keys where revoked_at is not null"), revoked -> 1);
        });
    }

    @Test
    void idsOfNothingAreNotFound() {
        Fuzz.run("GET/DELETE /v1/tenants/{id} of nothing", FuzzRun.tries(0.2), random -> {
            String nobody = "fz-" + Long.toHexString(random.nextLong());
            String noKey = new UUID(random.nextLong(), random.nextLong()).toString();
            Verdicts.sendExpecting(404, port(), request("GET", "/v1/tenants/" + nobody).bearer(admin));
            Verdicts.sendExpecting(404, port(), request("GET", "/v1/tenants/" + nobody + "/ingest-keys").bearer(admin));
            Verdicts.sendExpecting(404, port(),
                    request("DELETE", "/v1/tenants/" + tenant + "/ingest-keys/" + noKey).bearer(admin));
        });
    }

    @Test
    void mutatedAlertsAreAnsweredAndARefusedRequestPublishesNothing() {
        try (TopicLength alerts = new TopicLength(Topics.ALERTS)) {
            Fuzz.run("POST /v1/alerts", FuzzRun.tries(), random -> {
                FuzzHttp.Request post = request("POST", "/v1/alerts").bearer(ingestKey);
                if (random.nextBoolean()) {
                    post = post.with("Idempotency-Key", "run-" + random.nextInt(1000));
                }
                Verdicts.sendCheckingTrace(port(), post.carrying(BodyMutations.mutate(alerts(random), random)),
                        alerts::now, accepted -> accepted.json().get("accepted").asLong());
            });
        }
    }

    @Test
    void mutatedAlertmanagerNotificationsAreAnsweredAndARefusedOnePublishesNothing() {
        try (TopicLength alerts = new TopicLength(Topics.ALERTS)) {
            Fuzz.run("POST /v1/ingest/alertmanager", FuzzRun.tries(), random -> {
                FuzzHttp.Request post = request("POST", "/v1/ingest/alertmanager").bearer(ingestKey);
                Verdicts.sendCheckingTrace(port(), post.carrying(BodyMutations.mutate(AlertmanagerWebhookTest.FIRING,
                        random)), alerts::now, accepted -> accepted.json().get("accepted").asLong());
            });
        }
    }

    @Test
    void mutatedNagiosNotificationsAreAnsweredAndARefusedOnePublishesNothing() {
        String problem = Json.write(Map.of("NOTIFICATIONTYPE", "PROBLEM", "HOSTNAME", "web-01",
                "SERVICEDESC", "HTTP", "SERVICESTATE", "CRITICAL", "SERVICEOUTPUT", "HTTP CRITICAL: 503"));
        try (TopicLength alerts = new TopicLength(Topics.ALERTS)) {
            Fuzz.run("POST /v1/ingest/nagios", FuzzRun.tries(), random -> {
                FuzzHttp.Request post = request("POST", "/v1/ingest/nagios").bearer(ingestKey);
                Verdicts.sendCheckingTrace(port(), post.carrying(BodyMutations.mutate(problem, random)), alerts::now,
                        accepted -> accepted.json().get("accepted").asLong());
            });
        }
    }

    @Test
    void mutatedZabbixEventsAreAnsweredAndARefusedOnePublishesNothing() {
        try (TopicLength alerts = new TopicLength(Topics.ALERTS)) {
            Fuzz.run("POST /v1/ingest/zabbix", FuzzRun.tries(), random -> {
                FuzzHttp.Request post = request("POST", "/v1/ingest/zabbix").bearer(ingestKey);
                Verdicts.sendCheckingTrace(port(), post.carrying(BodyMutations.mutate(ZabbixEventTest.PROBLEM, random)),
                        alerts::now, accepted -> accepted.json().get("accepted").asLong());
            });
        }
    }

    /** Mutations of a Notification signed as SNS signs it: almost all break the signature and must publish nothing. */
    @Test
    void mutatedCloudWatchNotificationsAreAnsweredAndARefusedOnePublishesNothing() {
        SnsTestSigner sns = SnsTestSigner.get();
        try (TopicLength alerts = new TopicLength(Topics.ALERTS)) {
            Fuzz.run("POST /v1/ingest/cloudwatch/{key}", FuzzRun.tries(), random -> {
                String signed = sns.signed(sns.notification(CloudWatchAlarmTest.ALARM), random.nextBoolean() ? "1" : "2");
                FuzzHttp.Request post = request("POST", "/v1/ingest/cloudwatch/" + ingestKey)
                        .with("x-amz-sns-message-type", "Notification");
                Verdicts.sendCheckingTrace(port(), post.carrying(BodyMutations.mutate(signed, random)), alerts::now,
                        accepted -> accepted.json().get("accepted").asLong());
            });
        }
    }

    @Test
    void mutatedGrafanaNotificationsAreAnsweredAndARefusedOnePublishesNothing() {
        try (TopicLength alerts = new TopicLength(Topics.ALERTS)) {
            Fuzz.run("POST /v1/ingest/grafana", FuzzRun.tries(), random -> {
                FuzzHttp.Request post = request("POST", "/v1/ingest/grafana").bearer(ingestKey);
                Verdicts.sendCheckingTrace(port(), post.carrying(BodyMutations.mutate(GrafanaWebhookTest.FIRING,
                        random)), alerts::now, accepted -> accepted.json().get("accepted").asLong());
            });
        }
    }

    /** The key travels in the body, so mutations reach it too; an acknowledgement that is taken publishes none. */
    @Test
    void mutatedPagerDutyEventsAreAnsweredAndARefusedOnePublishesNothing() {
        try (TopicLength alerts = new TopicLength(Topics.ALERTS)) {
            Fuzz.run("POST /v1/ingest/pagerduty, /v2/enqueue", FuzzRun.tries(), random -> {
                String valid = (random.nextBoolean() ? PagerDutyEventTest.TRIGGER : PagerDutyEventTest.RESOLVE)
                        .replace("vik_samplekeyhere", ingestKey);
                FuzzHttp.Request post = request("POST", random.nextBoolean() ? "/v1/ingest/pagerduty" : "/v2/enqueue")
                        .carrying(BodyMutations.mutate(valid, random));
                Verdicts.sendCheckingTrace(port(), post, alerts::now, accepted -> publishes(post.body()));
            });
        }
    }

    @Test
    void aGarbledIdempotencyKeyIsAnsweredAndARefusedRequestPublishesNothing() {
        try (TopicLength alerts = new TopicLength(Topics.ALERTS)) {
            Fuzz.run("POST /v1/alerts Idempotency-Key", FuzzRun.tries(0.5), random -> {
                FuzzHttp.Request post = request("POST", "/v1/alerts").bearer(ingestKey)
                        .with("Idempotency-Key", RequestParts.idempotencyKey(random));
                Verdicts.sendCheckingTrace(port(), post.carrying(json(alerts(random))), alerts::now,
                        accepted -> accepted.json().get("accepted").asLong());
            });
        }
    }

    @Test
    void garbledCredentialsAreChallenged() {
        Fuzz.run("Authorization (admin)", FuzzRun.tries(0.5), random -> {
            Verdicts.sendExpecting(401, port(), request("GET", "/v1/tenants")
                    .with("Authorization", RequestParts.authorization(random, admin)));
            Verdicts.sendExpecting(401, port(), request("POST", "/v1/tenants")
                    .carrying(json("{\"id\":\"fz-x\",\"name\":\"X\"}")).with("Authorization", RequestParts.authorization(random, admin)));
        });
    }

    /**
     * Sent in concurrent batches: an unknown ingest key waits for the key cache's next reload (at most one a
     * second), which the misses of one batch share.
     */
    @Test
    void garbledIngestKeysAreChallengedAndPublishNothing() throws Exception {
        ExecutorService senders = Executors.newFixedThreadPool(KEY_BATCH);
        try (TopicLength alerts = new TopicLength(Topics.ALERTS)) {
            Fuzz.run("Authorization (ingest key)", FuzzRun.tries(0.05), random -> {
                List<Callable<Void>> batch = new ArrayList<>();
                for (int i = 0; i < KEY_BATCH; i++) {
                    FuzzHttp.Request post = request("POST", "/v1/alerts").carrying(json(ALERT))
                            .with("Authorization", RequestParts.authorization(random, ingestKey));
                    batch.add(() -> {
                        Verdicts.sendExpecting(401, port(), post);
                        return null;
                    });
                }
                long before = alerts.now();
                for (Future<Void> sent : senders.invokeAll(batch)) {
                    sent.get();
                }
                if (alerts.now() != before) {
                    throw new AssertionError("garbled ingest keys published " + (alerts.now() - before) + " alerts");
                }
            });
        } finally {
            senders.shutdownNow();
        }
    }

    /**
     * The interval stays in the query so that no mutation makes a heartbeat that misses while other tests count
     * the alerts topic; the body's grace, the name and the rest are fuzzed. The first ping of a name stores one row.
     */
    @Test
    void mutatedHeartbeatPingsAreAnsweredAndARefusedOneStoresNothing() {
        Fuzz.run("POST /v1/heartbeats/{name}", FuzzRun.tries(), random -> {
            String name = random.nextInt(4) == 0 ? RequestParts.pathSegment(random) : "job-" + random.nextInt(5);
            FuzzHttp.Request post = request("POST", "/v1/heartbeats/" + name + "?interval=P1D").bearer(ingestKey);
            Verdicts.sendCheckingTrace(port(), post.carrying(BodyMutations.mutate("{\"grace\":\"PT1H\"}", random)),
                    () -> rows.of("select count(*) from heartbeats"),
                    pinged -> pinged.json().get("createdAt").equals(pinged.json().get("lastPing")) ? 1 : 0);
        });
    }

    @Test
    void mutatedHeartbeatChangesAreAnsweredAndARefusedOneStoresNothing() {
        Set<String> stored = new HashSet<>();
        Fuzz.run("PUT /v1/heartbeats/{name}", FuzzRun.tries(), random -> {
            String name = random.nextInt(4) == 0 ? RequestParts.pathSegment(random) : "put-" + random.nextInt(5);
            String valid = "{\"tenant\":\"" + tenant + "\",\"interval\":\"P1D\",\"grace\":\"PT1H\"}";
            Verdicts.sendCheckingTrace(port(), request("PUT", "/v1/heartbeats/" + name).bearer(admin)
                    .carrying(BodyMutations.mutate(valid, random)), () -> rows.of("select count(*) from heartbeats"),
                    changed -> stored.add(changed.json().get("tenant").asText() + "/" + changed.json().get("name")
                            .asText()) ? 1 : 0);
        });
    }

    /** One alert, or an array of a few: both shapes the endpoint takes. */
    private static String alerts(Random random) {
        if (random.nextBoolean()) {
            return ALERT;
        }
        return "[" + String.join(",", Collections.nCopies(1 + random.nextInt(3), ALERT)) + "]";
    }

    /**
     * How many alerts an accepted PagerDuty event publishes: none for an acknowledgement, else one. Decoded as the
     * service decodes the body, bytes that are not UTF-8 replaced.
     */
    private static long publishes(byte[] event) {
        try {
            return Json.mapper().readTree(new String(event, StandardCharsets.UTF_8)).path("event_action").asText()
                    .equals("acknowledge") ? 0 : 1;
        } catch (IOException e) {
            throw new AssertionError("an accepted event that is not JSON", e);
        }
    }

    private static FuzzHttp.Answer send(FuzzHttp.Request request) {
        return Verdicts.send(port(), request);
    }

    private static BodyMutations.Mutant json(String body) {
        return BodyMutations.unchanged(body);
    }

    private static int port() {
        return RestAssured.port;
    }
}
