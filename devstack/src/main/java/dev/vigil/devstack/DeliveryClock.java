package dev.vigil.devstack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.vigil.contracts.webhook.WebhookSignature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The notify benchmark's receiver, in the benchmark's own process so that sending and receiving read one clock:
 * verifies every webhook's signature with its endpoint's secret and notes when each {@code webhook-id} first arrived.
 * Paths under {@code /slow/} answer after {@link #SLOW_ANSWER}, as a struggling customer system does.
 */
final class DeliveryClock implements AutoCloseable {
    static final Duration SLOW_ANSWER = Duration.ofSeconds(3);
    private static final Duration TOLERANCE = Duration.ofMinutes(5);

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Map<String, String> secretsByPath = new ConcurrentHashMap<>();
    private final Map<String, Long> arrivedNanos = new ConcurrentHashMap<>();
    private final AtomicLong unverified = new AtomicLong();
    private final AtomicInteger slowInFlight = new AtomicInteger();
    private final AtomicInteger mostSlowInFlight = new AtomicInteger();

    private DeliveryClock(HttpServer server) {
        this.server = server;
    }

    static DeliveryClock start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
            DeliveryClock clock = new DeliveryClock(server);
            server.createContext("/", clock::deliver);
            server.setExecutor(clock.threads);
            server.start();
            return clock;
        } catch (IOException e) {
            throw new UncheckedIOException("the benchmark's receiver could not listen", e);
        }
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    void expect(String path, String secret) {
        secretsByPath.put(path, secret);
    }

    /** When the webhook first arrived, on {@link System#nanoTime()}'s clock; null if it has not. */
    Long arrived(String webhookId) {
        return arrivedNanos.get(webhookId);
    }

    long received() {
        return arrivedNanos.size();
    }

    long unverified() {
        return unverified.get();
    }

    int mostSlowInFlight() {
        return mostSlowInFlight.get();
    }

    private void deliver(HttpExchange exchange) throws IOException {
        try (exchange) {
            long now = System.nanoTime();
            String path = exchange.getRequestURI().getPath();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String id = exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER_ID);
            String secret = secretsByPath.get(path);
            boolean verified = secret != null && WebhookSignature.verify(secret, id,
                    exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER_TIMESTAMP), body,
                    exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER_SIGNATURE), Instant.now(), TOLERANCE);
            if (!verified) {
                unverified.incrementAndGet();
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            arrivedNanos.putIfAbsent(id, now);
            if (path.startsWith("/slow/")) {
                answerSlowly();
            }
            exchange.sendResponseHeaders(204, -1);
        }
    }

    private void answerSlowly() {
        mostSlowInFlight.accumulateAndGet(slowInFlight.incrementAndGet(), Math::max);
        try {
            Thread.sleep(SLOW_ANSWER.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            slowInFlight.decrementAndGet();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
