package dev.vigil.ingest.alertmanager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.contracts.Alert;
import dev.vigil.contracts.AlertStatus;
import dev.vigil.contracts.Severity;
import dev.vigil.ingest.TestTenants;
import dev.vigil.testsupport.VigilTestResources;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A real Alertmanager (Debian's prometheus-alertmanager) whose webhook receiver points at ingest unchanged, with
 * the ingest key in {@code http_config.authorization}: its firing and resolved notifications arrive as Vigil
 * alerts of one fingerprint. CI installs Alertmanager and sets {@code VIGIL_REQUIRE_ALERTMANAGER}, so there the
 * test cannot be skipped; elsewhere it runs when the binary is installed.
 */
@QuarkusTest
@WithTestResource(value = VigilTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class RealAlertmanagerTest {
    private static final Path BINARY = Path.of(System.getenv().getOrDefault("VIGIL_ALERTMANAGER",
            "/usr/bin/prometheus-alertmanager"));
    private static final Duration WAIT = Duration.ofSeconds(60);
    private final HttpClient http = HttpClient.newHttpClient();
    private Process alertmanager;

    @TestHTTPResource("/v1/ingest/alertmanager")
    URL ingest;

    @Test
    void firingAndResolvedNotificationsBecomeAlertsOfOneFingerprint() throws Exception {
        if (System.getenv("VIGIL_REQUIRE_ALERTMANAGER") == null) {
            Assumptions.assumeTrue(Files.isExecutable(BINARY), BINARY + " is not installed");
        }
        TestTenants tenant = TestTenants.register();
        String api = start(tenant.key());
        Instant startsAt = Instant.now().minusSeconds(60);

        postAlert(api, startsAt, null);
        List<Alert> firing = tenant.published(WAIT, alerts -> !alerts.isEmpty());
        Alert first = firing.get(0);
        assertEquals("DiskFull", first.check());
        assertEquals("db-01:9100", first.resource());
        assertEquals(Severity.CRITICAL, first.severity());
        assertEquals(AlertStatus.FIRING, first.status());
        assertTrue(first.fingerprint().startsWith("alertmanager:"), first.fingerprint());
        assertEquals("/var is 97% full", first.summary());

        postAlert(api, startsAt, Instant.now());
        List<Alert> all = tenant.published(WAIT,
                alerts -> alerts.stream().anyMatch(a -> a.status() == AlertStatus.RESOLVED));
        Alert resolved = all.stream().filter(a -> a.status() == AlertStatus.RESOLVED).findFirst().orElseThrow();
        assertEquals(first.fingerprint(), resolved.fingerprint(), "the resolve matches its firing");
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (alertmanager != null) {
            alertmanager.destroy();
            alertmanager.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** Starts Alertmanager with Vigil as its only receiver; returns its API's base URL once it is ready. */
    private String start(String ingestKey) throws IOException {
        Path dir = Files.createTempDirectory("vigil-alertmanager-");
        Path config = dir.resolve("alertmanager.yml");
        Files.writeString(config, """
                route:
                  receiver: vigil
                  group_by: ['alertname', 'instance']
                  group_wait: 1s
                  group_interval: 1s
                  repeat_interval: 1h
                receivers:
                  - name: vigil
                    webhook_configs:
                      - url: '%s'
                        send_resolved: true
                        http_config:
                          authorization:
                            type: Bearer
                            credentials: '%s'
                """.formatted(ingest, ingestKey));
        int port = freePort();
        alertmanager = new ProcessBuilder(BINARY.toString(), "--config.file=" + config,
                "--storage.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + port,
                "--cluster.listen-address=")
                .redirectErrorStream(true).redirectOutput(dir.resolve("alertmanager.log").toFile()).start();
        String api = "http://127.0.0.1:" + port;
        Awaitility.await().atMost(WAIT).ignoreExceptions()
                .until(() -> get(api + "/-/ready") == 200);
        return api;
    }

    private void postAlert(String api, Instant startsAt, Instant endsAt) throws Exception {
        String alert = """
                [{"labels": {"alertname": "DiskFull", "instance": "db-01:9100", "job": "node", "severity": "critical"},
                  "annotations": {"summary": "/var is 97%% full"},
                  "startsAt": "%s"%s,
                  "generatorURL": "http://prometheus:9090/graph"}]"""
                .formatted(startsAt, endsAt == null ? "" : ", \"endsAt\": \"" + endsAt + "\"");
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(api + "/api/v2/alerts"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(alert)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
    }

    private int get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
