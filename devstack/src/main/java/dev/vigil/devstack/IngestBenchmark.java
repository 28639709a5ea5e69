package dev.vigil.devstack;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
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
    private final IngestTenants ingestTenants;

    IngestBenchmark(Stack stack, PrintStream out) {
        this.stack = stack;
        this.out = out;
        this.ingestTenants = new IngestTenants(stack);
    }

    void run(int seconds, int connections, int batch, BenchFormat format, boolean repeat, int tenants) {
        List<String> keys = new ArrayList<>();
        for (int t = 1; t <= tenants; t++) {
            keys.add(ingestTenants.keyFor(TENANT_PREFIX + t, "Benchmark " + TENANT_PREFIX + t, "bench"));
        }
        AlertPosts posts = new AlertPosts(stack.layout().serviceUrl(Service.INGEST) + format.path());
        out.printf("%s %s alerts from %d tenant(s): warming up for %d s, then %d s with %d connections x %d alerts"
                + " per request%n", format.path(), repeat ? "repeated" : "new", tenants, WARM_UP.toSeconds(), seconds,
                connections, Math.min(batch, format.maxBatch()));
        Alerts alerts = new Alerts(format, Math.min(batch, format.maxBatch()), repeat);
        load(posts, keys, WARM_UP, connections, alerts, new AtomicLong(), new ArrayList<>(), new AtomicLong());

        AtomicLong accepted = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        long started = System.nanoTime();
        load(posts, keys, Duration.ofSeconds(seconds), connections, alerts, accepted, latencies, refused);
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

    private static void load(AlertPosts posts, List<String> keys, Duration duration, int connections, Alerts alerts,
            AtomicLong accepted, List<Long> latencies, AtomicLong refused) {
        long deadline = System.nanoTime() + duration.toNanos();
        AlertPosts.inParallel(connections, c -> {
            String key = keys.get(c % keys.size());
            while (System.nanoTime() < deadline) {
                AlertPosts.Answer answer = posts.post(key, alerts.nextBody(key), Map.of());
                if (answer.answered()) {
                    latencies.add(answer.nanos());
                }
                if (answer.status() == 202) {
                    accepted.addAndGet(alerts.batch);
                } else {
                    refused.incrementAndGet();
                }
            }
        });
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

    private static double percentile(List<Long> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) (p * sorted.size()))) / 1e6;
    }
}
