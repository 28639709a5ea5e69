package dev.vigil.testsupport;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * A real Alertmanager process (Debian's {@code prometheus-alertmanager}) whose only receiver is Vigil's webhook
 * input, configured as an MSP would: {@code webhook_configs} with the ingest key in
 * {@code http_config.authorization}. CI installs it and sets {@code VIGIL_REQUIRE_ALERTMANAGER}, so there a test
 * that needs it cannot be skipped; elsewhere {@link #installed()} tells whether it can run.
 */
public final class RealAlertmanager implements AutoCloseable {
    public static final Path BINARY = Path.of(System.getenv().getOrDefault("VIGIL_ALERTMANAGER",
            "/usr/bin/prometheus-alertmanager"));
    private static final Duration READY = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newHttpClient();
    private final Process process;
    private final String api;

    private RealAlertmanager(Process process, String api) {
        this.process = process;
        this.api = api;
    }

    /** Whether a test may run: the binary is there, or CI requires it (and the test then fails without it). */
    public static boolean installed() {
        return System.getenv("VIGIL_REQUIRE_ALERTMANAGER") != null || Files.isExecutable(BINARY);
    }

    /** Starts Alertmanager sending every group to {@code webhookUrl} with {@code ingestKey}; returns once ready. */
    public static RealAlertmanager start(String webhookUrl, String ingestKey) throws IOException, InterruptedException {
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
                """.formatted(webhookUrl, ingestKey));
        int port = freePort();
        Process process = new ProcessBuilder(BINARY.toString(), "--config.file=" + config,
                "--storage.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + port,
                "--cluster.listen-address=")
                .redirectErrorStream(true).redirectOutput(dir.resolve("alertmanager.log").toFile()).start();
        RealAlertmanager alertmanager = new RealAlertmanager(process, "http://127.0.0.1:" + port);
        alertmanager.awaitReady();
        return alertmanager;
    }

    /**
     * Posts one alert to Alertmanager's API, as Prometheus would: firing without {@code endsAt}, resolved with an
     * {@code endsAt} in the past.
     */
    public void post(String alertname, String instance, Instant startsAt, Instant endsAt)
            throws IOException, InterruptedException {
        String alert = """
                [{"labels": {"alertname": "%s", "instance": "%s", "job": "node", "severity": "critical"},
                  "annotations": {"summary": "/var is 97%% full"},
                  "startsAt": "%s"%s,
                  "generatorURL": "http://prometheus:9090/graph"}]"""
                .formatted(alertname, instance, startsAt, endsAt == null ? "" : ", \"endsAt\": \"" + endsAt + "\"");
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(api + "/api/v2/alerts"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(alert)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Alertmanager refused the alert: " + response.statusCode() + " "
                    + response.body());
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    private void awaitReady() throws InterruptedException {
        long deadline = System.nanoTime() + READY.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(api + "/-/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        process.destroy();
        throw new IllegalStateException("Alertmanager did not become ready within " + READY);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
