package dev.vigil.devstack;

import dev.vigil.contracts.Json;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures accepted alerts per second on {@code POST /v1/alerts}: C connections each posting batches of new
 * alerts (distinct resources, like Alertmanager's "new alerts" case) for a fixed time, loopback only.
 * A warm-up period is run first and not counted.
 */
final class IngestBenchmark {
    static final String TENANT = "bench";
    private static final Duration WARM_UP = Duration.ofSeconds(5);

    private final Stack stack;
    private final PrintStream out;
    private final Api api = new Api();

    IngestBenchmark(Stack stack, PrintStream out) {
        this.stack = stack;
        this.out = out;
    }

    void run(int seconds, int connections, int batch) {
        String key = ingestKey();
        String url = stack.layout().serviceUrl(Service.INGEST) + "/v1/alerts";
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        out.printf("warming up for %d s, then %d s with %d connections x %d alerts per request%n",
                WARM_UP.toSeconds(), seconds, connections, batch);
        load(client, url, key, WARM_UP, connections, batch, new AtomicLong(), new ArrayList<>(), new AtomicLong());

        AtomicLong accepted = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        long started = System.nanoTime();
        load(client, url, key, Duration.ofSeconds(seconds), connections, batch, accepted, latencies, refused);
        double elapsed = (System.nanoTime() - started) / 1e9;

        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        out.printf("accepted %d alerts in %.1f s: %.0f alerts/s (%d requests refused)%n", accepted.get(), elapsed,
                accepted.get() / elapsed, refused.get());
        if (!sorted.isEmpty()) {
            out.printf("request latency p50 %.1f ms, p99 %.1f ms%n", percentile(sorted, 0.50), percentile(sorted, 0.99));
        }
        out.println("resident memory (MiB): " + stack.residentMiB());
    }

    private void load(HttpClient client, String url, String key, Duration duration, int connections, int batch,
            AtomicLong accepted, List<Long> latencies, AtomicLong refused) {
        long deadline = System.nanoTime() + duration.toNanos();
        AtomicLong sequence = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        for (int c = 0; c < connections; c++) {
            pool.submit(() -> {
                while (System.nanoTime() < deadline) {
                    HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                            .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body(sequence, batch))).build();
                    long sent = System.nanoTime();
                    try {
                        int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                        latencies.add(System.nanoTime() - sent);
                        if (status == 202) {
                            accepted.addAndGet(batch);
                        } else {
                            refused.incrementAndGet();
                        }
                    } catch (Exception e) {
                        refused.incrementAndGet();
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        try {
            pool.awaitTermination(duration.toSeconds() + 60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String body(AtomicLong sequence, int batch) {
        List<Map<String, Object>> alerts = new ArrayList<>(batch);
        for (int i = 0; i < batch; i++) {
            long n = sequence.incrementAndGet();
            alerts.add(Map.of("source", "bench", "resource", "host-" + n, "check", "cpu", "severity", "warning",
                    "summary", "CPU above 90% for 5 minutes", "labels", Map.of("env", "prod", "dc", "tokyo-1")));
        }
        return Json.write(alerts);
    }

    private String ingestKey() {
        String admin = stack.tokens().adminToken();
        int status = api.post(stack.layout().serviceUrl(Service.INGEST) + "/v1/tenants", admin,
                Json.write(Map.of("id", TENANT, "name", "Benchmark"))).status();
        if (status != 201 && status != 409) {
            throw new StackException("could not register the benchmark tenant: " + status);
        }
        Api.Reply key = api.post(stack.layout().serviceUrl(Service.INGEST) + "/v1/tenants/" + TENANT + "/ingest-keys",
                admin, "{\"name\":\"bench\"}");
        if (key.status() != 201) {
            throw new StackException("could not issue a benchmark key: " + key.status());
        }
        return key.body().path("key").asText();
    }

    private static double percentile(List<Long> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) (p * sorted.size()))) / 1e6;
    }
}
