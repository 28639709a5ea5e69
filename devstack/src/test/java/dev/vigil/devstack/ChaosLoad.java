package dev.vigil.devstack;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Steady load from several tenants, as probes send it: every {@link #PERIOD_MS} each tenant posts a batch of
 * {@link #BATCH} firing alerts over {@link #FINGERPRINTS} hosts. A request that gets no 202 (a broker or ingest
 * that is down, a connection cut) is retried with the same {@code Idempotency-Key} until it does, as the README
 * tells probes to. Counts what was accepted per tenant and host: the ledger's "accepted" column.
 */
final class ChaosLoad implements AutoCloseable {
    static final int BATCH = 10;
    static final int FINGERPRINTS = 5;
    static final long PERIOD_MS = 50;

    private final Api api = new Api();
    private final String ingestUrl;
    private final String round;
    private final List<Thread> senders = new ArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Map<String, AtomicLong> accepted = new ConcurrentHashMap<>();
    private final AtomicLong refusedTries = new AtomicLong();

    private ChaosLoad(String ingestUrl, String round) {
        this.ingestUrl = ingestUrl;
        this.round = round;
    }

    /** @param keys each tenant's ingest key, by tenant */
    static ChaosLoad start(String ingestUrl, String round, Map<String, String> keys) {
        ChaosLoad load = new ChaosLoad(ingestUrl, round);
        keys.forEach((tenant, key) -> {
            Thread sender = new Thread(() -> load.send(tenant, key), "chaos-load-" + tenant);
            sender.setDaemon(true);
            sender.start();
            load.senders.add(sender);
        });
        return load;
    }

    /** The resource name of host {@code i} in this round; triage's incidents are told apart by it. */
    static String resource(String round, int host) {
        return round + "-host-" + host;
    }

    private void send(String tenant, String key) {
        long request = 0;
        while (running.get()) {
            long started = System.nanoTime();
            int host = (int) (request++ % FINGERPRINTS);
            String idempotencyKey = round + "-" + tenant + "-" + request + "-" + UUID.randomUUID();
            String body = batch(resource(round, host));
            // retried until accepted, even after close(): an unanswered request must not leave the ledger
            while (!postOnce(key, body, idempotencyKey)) {
                refusedTries.incrementAndGet();
                sleep(200);
            }
            accepted.computeIfAbsent(tenant + "/" + resource(round, host), k -> new AtomicLong()).addAndGet(BATCH);
            sleep(Math.max(0, PERIOD_MS - (System.nanoTime() - started) / 1_000_000));
        }
    }

    private boolean postOnce(String key, String body, String idempotencyKey) {
        try {
            return api.post(ingestUrl + "/v1/alerts", key, body, Map.of("Idempotency-Key", idempotencyKey))
                    .status() == 202;
        } catch (StackException e) {
            return false; // ingest down or the connection cut: the same request again
        }
    }

    private static String batch(String resource) {
        String alert = "{\"source\":\"chaos\",\"resource\":\"" + resource + "\",\"check\":\"disk\","
                + "\"severity\":\"major\",\"summary\":\"Disk above 90% on " + resource + "\"}";
        return "[" + String.join(",", java.util.Collections.nCopies(BATCH, alert)) + "]";
    }

    /** Alerts accepted (202) per {@code tenant/resource}. */
    Map<String, Long> accepted() {
        Map<String, Long> copy = new java.util.TreeMap<>();
        accepted.forEach((k, v) -> copy.put(k, v.get()));
        return copy;
    }

    long refusedTries() {
        return refusedTries.get();
    }

    /** Stops sending new requests and waits until every request in flight was accepted. */
    @Override
    public void close() {
        running.set(false);
        for (Thread sender : senders) {
            try {
                sender.join(120_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
