package dev.vigil.runbook.handover;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.vigil.contracts.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Triage's operator API as a handover reads it, on a fixed loopback port the test profile points runbook at
 * ({@code %test.vigil.runbook.handovers.triage-url}). Each test registers what triage holds for one bearer token;
 * an unknown token gets 401, as from triage. Pages hold at most two items, so every read follows cursors. The
 * cross-process test (devstack's StackIT) reads a real triage.
 */
public final class TriageStandIn {
    public static final int PORT = 18182;
    private static final int PAGE = 2;
    private static TriageStandIn running;

    /** What triage holds for one caller: each list in triage's own JSON shapes. */
    public record Holding(List<Map<String, Object>> incidents, List<Map<String, Object>> silences,
            List<Map<String, Object>> windows, boolean broken) {

        public static Holding of(List<Map<String, Object>> incidents, List<Map<String, Object>> silences,
                List<Map<String, Object>> windows) {
            return new Holding(incidents, silences, windows, false);
        }

        public static Holding unanswerable() {
            return new Holding(List.of(), List.of(), List.of(), true);
        }
    }

    private final Map<String, Holding> byToken = new ConcurrentHashMap<>();

    private TriageStandIn() {
    }

    /** The stand-in, started on first use. */
    public static synchronized TriageStandIn running() {
        if (running == null) {
            TriageStandIn standIn = new TriageStandIn();
            try {
                HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", PORT), 0);
                server.createContext("/v1/", standIn::answer);
                server.start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            running = standIn;
        }
        return running;
    }

    /** Triage answers {@code token}'s reads with {@code holding}. */
    public void holds(String token, Holding holding) {
        byToken.put(token, holding);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String auth = Objects.requireNonNullElse(exchange.getRequestHeaders().getFirst("Authorization"), "");
        Holding holding = byToken.get(auth.replaceFirst("^Bearer ", ""));
        if (holding == null || holding.broken()) {
            respond(exchange, holding == null ? 401 : 500, Map.of("title", "no"));
            return;
        }
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        String path = exchange.getRequestURI().getPath();
        List<Map<String, Object>> items = switch (path) {
            case "/v1/incidents" -> holding.incidents().stream()
                    .filter(item -> item.get("status").equals(query.get("status"))).toList();
            case "/v1/silences" -> holding.silences().stream()
                    .filter(item -> item.get("state").equals(query.get("state"))).toList();
            case "/v1/maintenance-windows" -> holding.windows();
            default -> null;
        };
        if (items == null) {
            respond(exchange, 404, Map.of("title", "Not found"));
            return;
        }
        int from = query.containsKey("cursor") ? Integer.parseInt(query.get("cursor")) : 0;
        int to = Math.min(items.size(), from + Math.min(PAGE, Integer.parseInt(query.getOrDefault("limit", "50"))));
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("items", new ArrayList<>(items.subList(from, to)));
        page.put("nextCursor", to < items.size() ? String.valueOf(to) : null);
        respond(exchange, 200, page);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                String[] parts = pair.split("=", 2);
                query.put(parts[0], parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
            }
        }
        return query;
    }

    private static void respond(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = Json.write(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
