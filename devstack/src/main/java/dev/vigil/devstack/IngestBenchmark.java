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
 * Measures accepted alerts per second through one input ({@link BenchFormat}): C connections each posting batches
 * for a fixed time, loopback only, after a warm-up that is not counted. The alerts are new (distinct resources,
 * like Alertmanager's "new alerts" case), or in repeat mode the same {@link #REPEATED} alerts over and over (the
 * path of a storm of repeats: triage folds them into open incidents).
 */
final class IngestBenchmark {
    /** tenants are bench-1 .. bench-N; connection c sends as tenant c mod N. */
    static final String TENANT_PREFIX = "bench-";
    private static final Duration WARM_UP = Duration.ofSeconds(5);
    /** how many distinct alerts repeat mode cycles through. */
    static final int REPEATED = 10_000;

    private final Stack stack;
    private final PrintStream out;
    private final Api api = new Api();

    IngestBenchmark(Stack stack, PrintStream out) {
        this.stack = stack;
        this.out = out;
    }

    void run(int seconds, int connections, int batch, BenchFormat format, boolean repeat, int tenants) {
        List<String> keys = new ArrayList<>();
        for (int t = 1; t <= tenants; t++) {
            keys.add(ingestKey(TENANT_PREFIX + t));
        }
        String url = stack.layout().serviceUrl(Service.INGEST) + format.path();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        out.printf("%s %s alerts from %d tenant(s): warming up for %d s, then %d s with %d connections x %d alerts"
                + " per request%n", format.path(), repeat ? "repeated" : "new", tenants, WARM_UP.toSeconds(), seconds,
                connections, Math.min(batch, format.maxBatch()));
        Alerts alerts = new Alerts(format, Math.min(batch, format.maxBatch()), repeat);
        load(client, url, keys, WARM_UP, connections, alerts, new AtomicLong(), new ArrayList<>(), new AtomicLong());

        AtomicLong accepted = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        long started = System.nanoTime();
        load(client, url, keys, Duration.ofSeconds(seconds), connections, alerts, accepted, latencies, refused);
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

    private void load(HttpClient client, String url, List<String> keys, Duration duration, int connections, Alerts alerts,
            AtomicLong accepted, List<Long> latencies, AtomicLong refused) {
        long deadline = System.nanoTime() + duration.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        for (int c = 0; c < connections; c++) {
            String key = keys.get(c % keys.size());
            pool.submit(() -> {
                while (System.nanoTime() < deadline) {
                    HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                            .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(alerts.nextBody(key))).build();
                    long sent = System.nanoTime();
                    try {
                        int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                        latencies.add(System.nanoTime() - sent);
                        if (status == 202) {
                            accepted.addAndGet(alerts.batch);
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

    /** The numbers of the alerts each request carries: ever new ones, or a cycle through {@link #REPEATED}. */
    private static final class Alerts {
        private final BenchFormat format;
        private final int batch;
        private final boolean repeat;
        private final AtomicLong sequence = new AtomicLong();

        Alerts(BenchFormat format, int batch, boolean repeat) {
            this.format = format;
            this.batch = batch;
            this.repeat = repeat;
        }

        String nextBody(String key) {
            List<Long> numbers = new ArrayList<>(batch);
            for (int i = 0; i < batch; i++) {
                long n = sequence.incrementAndGet();
                numbers.add(repeat ? n % REPEATED : n);
            }
            return format.withKey(format.body(numbers), key);
        }
    }

    private String ingestKey(String tenant) {
        String admin = stack.tokens().adminToken();
        int status = api.post(stack.layout().serviceUrl(Service.INGEST) + "/v1/tenants", admin,
                Json.write(Map.of("id", tenant, "name", "Benchmark " + tenant))).status();
        if (status != 201 && status != 409) {
            throw new StackException("could not register the benchmark tenant: " + status);
        }
        Api.Reply key = api.post(stack.layout().serviceUrl(Service.INGEST) + "/v1/tenants/" + tenant + "/ingest-keys",
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
