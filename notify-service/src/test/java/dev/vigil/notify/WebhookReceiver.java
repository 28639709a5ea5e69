package dev.vigil.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.vigil.contracts.Json;
import dev.vigil.contracts.webhook.WebhookSignature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;

/**
 * A customer's webhook receiver on loopback: records every request and answers as a test scripts it, at once or
 * after a delay, keeping the most requests it ever had in flight on each path.
 */
public final class WebhookReceiver {
    private static WebhookReceiver shared;

    /** One request as received; header names in lower case. */
    public record Request(String path, Map<String, String> headers, String body, Instant receivedAt) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public String webhookId() {
            return header(WebhookSignature.HEADER_ID);
        }

        /** The body as JSON. */
        public JsonNode json() {
            try {
                return Json.mapper().readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        public boolean signedWith(String secret) {
            return WebhookSignature.verify(secret, webhookId(), header(WebhookSignature.HEADER_TIMESTAMP), body,
                    header(WebhookSignature.HEADER_SIGNATURE), Instant.now(), Duration.ofMinutes(5));
        }
    }

    private final HttpServer server;
    private final Map<String, Deque<Integer>> scripted = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Duration> delays = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> mostInFlight = new ConcurrentHashMap<>();

    private WebhookReceiver(HttpServer server) {
        this.server = server;
    }

    /**
     * The receiver every test class of this JVM shares; tests keep apart by using a path of their own (the tenant's
     * name). It runs until the JVM exits.
     */
    public static synchronized WebhookReceiver shared() {
        if (shared == null) {
            shared = start();
        }
        return shared;
    }

    private static WebhookReceiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            WebhookReceiver receiver = new WebhookReceiver(server);
            server.createContext("/", receiver::handle);
            // a slow path must not hold up the others
            server.setExecutor(Executors.newCachedThreadPool(task -> {
                Thread thread = new Thread(task, "webhook-receiver");
                thread.setDaemon(true); // the shared receiver is never closed, and must not keep the JVM alive
                return thread;
            }));
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Requests to {@code path} are answered with these statuses in turn, then with 200. */
    public void answer(String path, int... statuses) {
        Deque<Integer> queue = new ArrayDeque<>();
        for (int status : statuses) {
            queue.add(status);
        }
        scripted.put(path, queue);
    }

    /** Requests to {@code path} are answered only after {@code delay}, as a struggling receiver would. */
    public void delay(String path, Duration delay) {
        delays.put(path, delay);
    }

    /** The most requests to {@code path} that were being answered at once. */
    public int mostInFlight(String path) {
        AtomicInteger most = mostInFlight.get(path);
        return most == null ? 0 : most.get();
    }

    public List<Request> received(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    /** The requests to {@code path} once there are at least {@code count}, waiting up to {@code deadline}. */
    public List<Request> awaitReceived(String path, int count, Duration deadline) {
        Awaitility.await().atMost(deadline).until(() -> received(path).size() >= count);
        return received(path);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders()
                    .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.get(0)));
            String path = exchange.getRequestURI().getPath();
            requests.add(new Request(path, headers, body, Instant.now()));
            int now = inFlight.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            mostInFlight.computeIfAbsent(path, p -> new AtomicInteger()).accumulateAndGet(now, Math::max);
            try {
                Duration delay = delays.get(path);
                if (delay != null) {
                    Thread.sleep(delay.toMillis());
                }
                Deque<Integer> queue = scripted.get(path);
                Integer status = queue == null ? null : queue.poll();
                exchange.sendResponseHeaders(status == null ? 200 : status, -1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                inFlight.get(path).decrementAndGet();
            }
        }
    }
}
