package dev.vigil.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.vigil.contracts.Json;
import dev.vigil.contracts.webhook.WebhookSignature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * Stands in for a customer's webhook endpoint: verifies each delivery's Standard Webhooks signature with the
 * secrets listed in a file (one a line, written by the demo) and remembers what arrived, for the demo to show.
 * An unverifiable delivery is answered 401, as a careful customer would. Under {@code /webhooks/slow/} it
 * answers only after {@link #SLOW_ANSWER}, as a struggling customer system would: failure tests use it to crash
 * notify while a delivery is in flight.
 */
public final class WebhookReceiver implements AutoCloseable {
    private static final Duration TOLERANCE = Duration.ofMinutes(5);
    static final String SLOW_PREFIX = "/webhooks/slow/";
    static final Duration SLOW_ANSWER = Duration.ofSeconds(5);

    private final Path secretsFile;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final HttpServer server;

    /** One delivery as the receiver saw it. */
    public record Received(String webhookId, String type, String incidentId, boolean verified, Instant receivedAt,
            String subject, String message, String path) {
    }

    private WebhookReceiver(Path secretsFile, HttpServer server) {
        this.secretsFile = secretsFile;
        this.server = server;
    }

    public static WebhookReceiver start(int port, Path secretsFile) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
            WebhookReceiver receiver = new WebhookReceiver(secretsFile, server);
            server.createContext("/webhooks/", receiver::deliver);
            server.createContext("/received", receiver::list);
            // slow answers must not hold up the others
            server.setExecutor(Executors.newCachedThreadPool());
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException("webhook receiver could not listen on " + port, e);
        }
    }

    public static Path secretsFile(StackLayout layout) {
        return layout.home().resolve("receiver-secrets");
    }

    private void deliver(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String id = exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER_ID);
        String timestamp = exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER_TIMESTAMP);
        String signature = exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER_SIGNATURE);
        boolean verified = secrets().stream().anyMatch(secret -> WebhookSignature.verify(secret, id, timestamp, body,
                signature, Instant.now(), TOLERANCE));
        JsonNode json = parse(body);
        received.add(new Received(id, json.path("type").asText(null), json.path("data").path("incidentId").asText(null),
                verified, Instant.now(), json.path("data").path("subject").asText(null),
                json.path("data").path("message").asText(null),
                exchange.getRequestURI().getPath()));
        System.out.printf("%s webhook %s %s signature %s%n", Instant.now(), id, json.path("type").asText("?"),
                verified ? "verified" : "INVALID");
        if (exchange.getRequestURI().getPath().startsWith(SLOW_PREFIX)) {
            try {
                Thread.sleep(SLOW_ANSWER.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        exchange.sendResponseHeaders(verified ? 204 : 401, -1);
        exchange.close();
    }

    /** Answers GET {@code path} with {@code content} as JSON, as it is at each request. */
    void serve(String path, Supplier<Object> content) {
        server.createContext(path, exchange -> answer(exchange, content.get()));
    }

    private void list(HttpExchange exchange) throws IOException {
        answer(exchange, received);
    }

    private static void answer(HttpExchange exchange, Object content) throws IOException {
        byte[] json = Json.write(content).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, json.length);
        exchange.getResponseBody().write(json);
        exchange.close();
    }

    private List<String> secrets() throws IOException {
        return Files.exists(secretsFile)
                ? Files.readAllLines(secretsFile).stream().map(String::strip).filter(s -> !s.isEmpty()).toList()
                : List.of();
    }

    private static JsonNode parse(String body) {
        try {
            return Json.mapper().readTree(body);
        } catch (IOException e) {
            return Json.mapper().createObjectNode();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
