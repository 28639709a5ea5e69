package dev.vigil.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.contracts.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/** A small JSON client for the services' REST APIs. */
final class Api {
    // HTTP/1.1: a plain-http client otherwise offers an h2c upgrade, and one stalled HTTP/2 connection would carry
    // every later request to that service
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    record Reply(int status, JsonNode body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    Reply get(String url, String token) {
        return send(request(url, token).GET().build());
    }

    /** Every item of a list endpoint, page after page (500 a page) until it gives no {@code nextCursor}. */
    List<JsonNode> list(String url, String token) {
        List<JsonNode> items = new ArrayList<>();
        String cursor = null;
        do {
            String page = url + (url.contains("?") ? "&" : "?") + "limit=500"
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            Reply reply = get(page, token);
            if (!reply.ok()) {
                throw new StackException("GET " + url + " answered " + reply.status() + ": " + reply.body());
            }
            reply.body().path("items").forEach(items::add);
            cursor = reply.body().path("nextCursor").isTextual() ? reply.body().path("nextCursor").asText() : null;
        } while (cursor != null);
        return items;
    }

    Reply post(String url, String token, String json) {
        return post(url, token, json, Map.of());
    }

    Reply post(String url, String token, String json, Map<String, String> headers) {
        HttpRequest.Builder builder = request(url, token).header("Content-Type", "application/json");
        headers.forEach(builder::header);
        return send(builder.POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    Reply put(String url, String token, String json) {
        return put(url, token, json, Map.of());
    }

    Reply put(String url, String token, String json, Map<String, String> headers) {
        HttpRequest.Builder builder = request(url, token).header("Content-Type", "application/json");
        headers.forEach(builder::header);
        return send(builder.PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    Reply delete(String url, String token) {
        return send(request(url, token).DELETE().build());
    }

    /** The body of a plain-text GET (such as {@code /q/metrics}); fails unless it answers 200. */
    String text(String url) {
        HttpResponse<String> response = exchange(request(url, null).GET().build());
        if (response.statusCode() != 200) {
            throw new StackException("GET " + url + " answered " + response.statusCode());
        }
        return response.body();
    }

    /** True when the URL answers 200, e.g. a readiness probe. */
    boolean answers200(String url) {
        return status(url).orElse(0) == 200;
    }

    /** The HTTP status a GET of the URL answers within two seconds; empty when nothing answers. */
    OptionalInt status(String url) {
        try {
            return OptionalInt.of(client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2))
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode());
        } catch (IOException e) {
            return OptionalInt.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalInt.empty();
        }
    }

    private static HttpRequest.Builder request(String url, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
    }

    private Reply send(HttpRequest request) {
        HttpResponse<String> response = exchange(request);
        String body = response.body();
        try {
            JsonNode json = body == null || body.isBlank() ? Json.mapper().nullNode() : Json.mapper().readTree(body);
            return new Reply(response.statusCode(), json);
        } catch (IOException e) {
            throw new StackException(request.method() + " " + request.uri() + " answered unreadable JSON: "
                    + e.getMessage());
        }
    }

    private HttpResponse<String> exchange(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new StackException(request.method() + " " + request.uri() + " failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted");
        }
    }
}
