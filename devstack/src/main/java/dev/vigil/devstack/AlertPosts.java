package dev.vigil.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntConsumer;

/**
 * Requests of alerts to one ingest input, sent by several connections at once over one HTTP/1.1 client, each
 * connection a thread of its own: what the ingest and triage benchmarks share.
 */
final class AlertPosts {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String url;

    AlertPosts(String url) {
        this.url = url;
    }

    /**
     * One request's answer.
     *
     * @param status     the HTTP status, 0 when none came (connection refused or reset, timed out)
     * @param nanos      how long the answer took
     * @param retryAfter what a refusal's {@code Retry-After} asks for, 1 s when it says nothing
     */
    record Answer(int status, long nanos, Duration retryAfter) {
        boolean answered() {
            return status != 0;
        }
    }

    /** Posts {@code body} as the tenant whose ingest key is {@code key}, with {@code headers} as well. */
    Answer post(String key, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        long sent = System.nanoTime();
        try {
            HttpResponse<Void> response = client.send(request.build(), HttpResponse.BodyHandlers.discarding());
            Duration retryAfter = response.headers().firstValue("Retry-After").flatMap(AlertPosts::seconds)
                    .orElse(Duration.ofSeconds(1));
            return new Answer(response.statusCode(), System.nanoTime() - sent, retryAfter);
        } catch (IOException e) {
            return new Answer(0, System.nanoTime() - sent, Duration.ofSeconds(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted");
        }
    }

    /**
     * Runs {@code connection} for each connection 0 .. {@code connections - 1}, each in a thread of its own, and
     * waits until all have returned. The first to fail stops the others (they are interrupted) and its failure is
     * thrown here.
     */
    static void inParallel(int connections, IntConsumer connection) {
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        CompletionService<Void> running = new ExecutorCompletionService<>(pool);
        for (int c = 0; c < connections; c++) {
            int number = c;
            running.submit(() -> {
                connection.accept(number);
                return null;
            });
        }
        try {
            for (int c = 0; c < connections; c++) {
                running.take().get();
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted");
        } finally {
            pool.shutdownNow();
        }
    }

    private static Optional<Duration> seconds(String value) {
        try {
            return Optional.of(Duration.ofSeconds(Math.max(1, Long.parseLong(value.trim()))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
